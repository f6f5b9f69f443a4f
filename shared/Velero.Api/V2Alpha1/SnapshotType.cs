namespace Velero.Api.V2Alpha1;

/// <summary>Snapshot types a DataUpload moves.</summary>
public static class SnapshotType
{
    public const string Csi = "CSI";

    public static IReadOnlyList<string> All { get; } = [Csi];
}
