using System.Diagnostics;
using System.Text;
using Velero.BackupFormat.Tarball;

namespace Velero.BackupFormat.Tests;

public sealed class TarballReaderTests
{
    [Fact]
    public async Task A_tarball_made_by_hand_from_the_spec_reads_item_by_item()
    {
        var tarball = HandBuiltTar.Build(
        [
            ("metadata/version", "1.1.0\n"u8.ToArray()),
            ("resources/pods/namespaces/shop/cart-0.json", """{"kind":"Pod"}"""u8.ToArray()),
            ("resources/pods/v1-preferredversion/namespaces/shop/cart-0.json", """{"kind":"Pod"}"""u8.ToArray()),
            ("resources/clusterroles.rbac.authorization.k8s.io/cluster/view.json", """{"kind":"ClusterRole"}"""u8.ToArray()),
        ]);

        var entries = await ReadAllAsync(tarball);

        Assert.Equal(4, entries.Count);
        Assert.Null(entries[0].Item);
        Assert.Equal("1.1.0\n", Encoding.UTF8.GetString(entries[0].Content.Span));
        Assert.Equal(new ItemPath(new GroupResource("", "pods"), null, "shop", "cart-0"), entries[1].Item);
        Assert.Equal("v1", entries[2].Item!.PreferredVersion);
        var role = entries[3].Item!;
        Assert.True(role.IsClusterScoped);
        Assert.Equal(new GroupResource("rbac.authorization.k8s.io", "clusterroles"), role.Resource);
        Assert.Equal("""{"kind":"ClusterRole"}""", Encoding.UTF8.GetString(entries[3].Content.Span));
    }

    [Fact]
    public async Task What_the_writer_writes_the_reader_reads_back()
    {
        var tarball = await TarballWriterTests.WriteAsync(async w =>
        {
            for (var i = 0; i < 500; i++)
            {
                await w.WriteItemAsync(new GroupResource("", "configmaps"), $"ns-{i % 7}", $"cm-{i}", "v1",
                    Encoding.UTF8.GetBytes($$$"""{"data":{"i":"{{{i}}}"}}"""));
            }
        });

        var entries = await ReadAllAsync(tarball);

        Assert.Equal(1 + 2 * 500, entries.Count);
        Assert.Equal(500, entries.Count(e => e.Item is { VersionDirectory: null }));
        Assert.Contains(entries, e => e.Path == "resources/configmaps/namespaces/ns-3/cm-10.json"
                                      && Encoding.UTF8.GetString(e.Content.Span) == """{"data":{"i":"10"}}""");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(100)]
    [InlineData(2000)]
    public async Task A_truncated_tarball_is_reported_corrupt_never_read_as_a_smaller_backup(int cut)
    {
        var tarball = await ManyItemsAsync();

        var error = await Assert.ThrowsAsync<CorruptBackupException>(() => ReadAllAsync(tarball[..^cut]));

        Assert.Contains("corrupt or truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_byte_is_reported_corrupt()
    {
        var tarball = await ManyItemsAsync();
        tarball[tarball.Length / 2] ^= 0x5a;

        await Assert.ThrowsAsync<CorruptBackupException>(() => ReadAllAsync(tarball));
    }

    [Fact]
    public async Task Something_that_is_not_gzip_is_reported_corrupt()
    {
        var error = await Assert.ThrowsAsync<CorruptBackupException>(() => ReadAllAsync("<html>not a backup</html>"u8.ToArray()));

        Assert.Contains("before the first entry", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gnu", 240)]
    [InlineData("pax", 240)]
    [InlineData("ustar", 90)]
    [InlineData("v7", 40)]
    public async Task Tarballs_gnu_tar_writes_with_directories_and_long_names_pass_the_header_checks(string format, int nameLength)
    {
        var root = Directory.CreateTempSubdirectory("velero-gnu-tar-").FullName;
        try
        {
            var name = new string('g', nameLength);
            var item = $"resources/configmaps/namespaces/shop/{name}.json";
            Directory.CreateDirectory(Path.Combine(root, "metadata"));
            Directory.CreateDirectory(Path.Combine(root, "resources/configmaps/namespaces/shop"));
            await File.WriteAllTextAsync(Path.Combine(root, "metadata/version"), "1.1.0\n");
            await File.WriteAllTextAsync(Path.Combine(root, item), """{"kind":"ConfigMap"}""");
            var archive = Path.Combine(root, "backup.tar.gz");
            var tar = Process.Start(new ProcessStartInfo("tar", ["--format=" + format, "-czf", archive, "-C", root, "metadata", "resources"])
            {
                UseShellExecute = false,
            })!;
            await tar.WaitForExitAsync();
            Assert.Equal(0, tar.ExitCode);

            var entries = await ReadAllAsync(await File.ReadAllBytesAsync(archive));

            Assert.Equal(["metadata/version", item], entries.Select(e => e.Path).Order(StringComparer.Ordinal));
            Assert.Equal(name, entries.Single(e => e.Item is not null).Item!.Name);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<byte[]> ManyItemsAsync() => await TarballWriterTests.WriteAsync(async w =>
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var payload = new byte[300];
            random.NextBytes(payload);
            await w.WriteItemAsync(new GroupResource("", "secrets"), "ns", $"s-{i}", "v1",
                Encoding.UTF8.GetBytes($$$"""{"data":{"x":"{{{Convert.ToBase64String(payload)}}}"}}"""));
        }
    });

    private static async Task<List<TarballEntry>> ReadAllAsync(byte[] tarball)
    {
        var entries = new List<TarballEntry>();
        await foreach (var entry in BackupTarballReader.ReadAsync(new MemoryStream(tarball)))
        {
            entries.Add(entry);
        }

        return entries;
    }
}
