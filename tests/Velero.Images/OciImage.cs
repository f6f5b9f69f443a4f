using System.Text;

namespace Velero.Images;

/// <summary>An image as its config and merged file system describe it.</summary>
public sealed class OciImage
{
    public required string User { get; init; }

    public required IReadOnlyList<string> Entrypoint { get; init; }

    public required IReadOnlyList<string> Cmd { get; init; }

    public required IReadOnlyDictionary<string, ImageEntry> Files { get; init; }

    /// <summary>The config's <c>Env</c>, <c>NAME=value</c> split at the first '='.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The layer blobs' sizes as stored (compressed when the layers are).</summary>
    public long LayerBytes { get; init; }

    /// <summary>The sizes of the regular files of every layer, uncompressed.</summary>
    public long FileBytes { get; init; }

    /// <summary>The contents of the SBOM files the image carries under /sbom/ (small files kept while reading).</summary>
    public IReadOnlyDictionary<string, byte[]> SbomFiles { get; init; } = new Dictionary<string, byte[]>();

    public string? SbomText() =>
        SbomFiles.Where(f => f.Key.EndsWith(".cdx.json", StringComparison.Ordinal)).Select(f => Encoding.UTF8.GetString(f.Value))
            .FirstOrDefault();
}
