namespace Velero.ObjectStorage;

/// <summary>Object store provider names as BackupStorageLocations spell them.</summary>
public static class ProviderNames
{
    public const string Aws = "velero.io/aws";

    /// <summary>Google Cloud Storage, as velero-plugin-for-gcp.</summary>
    public const string Gcp = "velero.io/gcp";

    /// <summary>Azure Blob Storage, as velero-plugin-for-microsoft-azure.</summary>
    public const string Azure = "velero.io/azure";

    /// <summary>Ours: upstream has no filesystem object store, so only we read such locations.</summary>
    public const string FileSystem = "velero.io/fs";

    /// <summary>
    /// Mirrors upstream's plugin lookup: a name without a namespace (no <c>/</c>) gets <c>velero.io/</c> prefixed,
    /// so <c>aws</c> and <c>velero.io/aws</c> are the same provider.
    /// </summary>
    public static string Normalize(string provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var trimmed = provider.Trim();
        return trimmed.Contains('/', StringComparison.Ordinal) ? trimmed : "velero.io/" + trimmed;
    }
}
