namespace Velero.ObjectStorage.Aws;

/// <summary>
/// How uploads are cut: bodies up to one part go in a single PutObject, longer ones multipart with at most
/// <see cref="MaxConcurrentParts"/> parts in flight, so memory stays under (MaxConcurrentParts + 1) x part size.
/// </summary>
public sealed record S3TransferOptions
{
    /// <summary>S3's minimum part size (every part but the last).</summary>
    public const int MinimumPartSize = 5 * 1024 * 1024;

    public const int MaxParts = 10_000;

    public static S3TransferOptions Default { get; } = new();

    /// <summary>The size of the first parts; 8 MiB as the local-infrastructure checks used.</summary>
    public int PartSize { get; init; } = 8 * 1024 * 1024;

    public int MaxConcurrentParts { get; init; } = 4;

    /// <summary>
    /// Parts double every 2,500 parts (8, 16, 32, 64 MiB...), so S3's 10,000-part limit still allows objects of
    /// about 290 GiB from an unknown-length stream while small backups keep small buffers.
    /// </summary>
    public int PartSizeFor(int partNumber)
    {
        var doublings = Math.Min((partNumber - 1) / 2_500, 8);
        return (int)Math.Min((long)Math.Max(PartSize, MinimumPartSize) << doublings, 1024L * 1024 * 1024);
    }
}
