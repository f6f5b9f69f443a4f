using Velero.Api.V1;
using Velero.ObjectStorage.Locations;

namespace Velero.Restorer.Engine;

/// <summary>
/// One restore to run: the cluster to restore into, the validated and defaulted Restore (phase InProgress, non-restorable
/// resources in its excludes, <c>spec.backupName</c> set), the Backup it restores, and the opened store of the backup's
/// location, which also receives the restore's files.
/// </summary>
public sealed record RestoreRequest
{
    /// <summary>The target cluster; a <see cref="k8s.Kubernetes"/> client, whose HTTP pipeline the engine uses directly.</summary>
    public required k8s.Kubernetes Client { get; init; }

    public required Restore Restore { get; init; }

    public required Backup Backup { get; init; }

    public required ObjectStoreLocation Location { get; init; }

    public required DateTimeOffset StartedAt { get; init; }
}
