namespace Velero.BackupFormat.Tarball;

public static class BackupFormatVersion
{
    /// <summary>What <c>metadata/version</c> holds and <c>status.formatVersion</c> says.</summary>
    public const string Current = "1.1.0";

    public const string MetadataPath = "metadata/version";
}
