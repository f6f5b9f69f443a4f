namespace Velero.Api.V1;

/// <summary>Access modes of a BackupStorageLocation.</summary>
public static class BackupStorageLocationAccessMode
{
    public const string ReadOnly = "ReadOnly";
    public const string ReadWrite = "ReadWrite";

    public static IReadOnlyList<string> All { get; } = [ReadOnly, ReadWrite];
}
