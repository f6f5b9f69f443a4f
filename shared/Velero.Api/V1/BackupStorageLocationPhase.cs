namespace Velero.Api.V1;

/// <summary>Phases of a BackupStorageLocation.</summary>
public static class BackupStorageLocationPhase
{
    public const string Available = "Available";
    public const string Unavailable = "Unavailable";

    public static IReadOnlyList<string> All { get; } = [Available, Unavailable];
}
