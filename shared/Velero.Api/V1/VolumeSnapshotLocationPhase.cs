namespace Velero.Api.V1;

/// <summary>Phases of a VolumeSnapshotLocation.</summary>
public static class VolumeSnapshotLocationPhase
{
    public const string Available = "Available";
    public const string Unavailable = "Unavailable";

    public static IReadOnlyList<string> All { get; } = [Available, Unavailable];
}
