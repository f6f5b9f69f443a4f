using Velero.ObjectStorage.Aws;

namespace Velero.ObjectStorage.Tests.Aws;

public sealed class S3TransferOptionsTests
{
    private const int MiB = 1024 * 1024;

    [Theory]
    [InlineData(1, 8)]
    [InlineData(2_500, 8)]
    [InlineData(2_501, 16)]
    [InlineData(5_001, 32)]
    [InlineData(10_000, 64)]
    public void Parts_grow_so_ten_thousand_parts_hold_hundreds_of_GiB(int partNumber, int expectedMiB) =>
        Assert.Equal(expectedMiB * MiB, S3TransferOptions.Default.PartSizeFor(partNumber));

    [Fact]
    public void Parts_are_never_below_S3s_minimum() =>
        Assert.Equal(S3TransferOptions.MinimumPartSize, new S3TransferOptions { PartSize = 1024 }.PartSizeFor(1));

    [Fact]
    public void At_least_one_part_must_be_allowed_in_flight() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ObjectStoreFactory(transfer: new S3TransferOptions { MaxConcurrentParts = 0 })
            .CreateStore(new BackupStorageLocationConfig
            {
                Provider = "aws",
                Bucket = "b",
                Config = new Dictionary<string, string> { ["region"] = "us-east-1" },
            }));
}
