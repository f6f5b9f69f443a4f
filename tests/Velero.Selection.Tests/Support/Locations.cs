using k8s.Models;
using Velero.Api.V1;

namespace Velero.Selection.Tests.Support;

/// <summary>Builders for the locations of the Velero namespace.</summary>
internal static class Locations
{
    public static BackupStorageLocation Bsl(
        string name, bool isDefault = false, string? accessMode = null, string? phase = BackupStorageLocationPhase.Available) =>
        new()
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "velero" },
            Spec = new BackupStorageLocationSpec { Provider = "aws", Default = isDefault, AccessMode = accessMode },
            Status = phase is null ? null : new BackupStorageLocationStatus { Phase = phase },
        };

    public static VolumeSnapshotLocation Vsl(string name, string provider) =>
        new()
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "velero" },
            Spec = new VolumeSnapshotLocationSpec { Provider = provider },
        };

    public static Backup Backup(BackupSpec? spec = null, string name = "b1") =>
        new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "velero" }, Spec = spec ?? new BackupSpec() };
}
