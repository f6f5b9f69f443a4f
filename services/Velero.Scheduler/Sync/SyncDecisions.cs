using k8s;
using k8s.Models;
using Velero.Api;
using Velero.Api.V1;
using Velero.BackupFormat.Layout;

namespace Velero.Scheduler.Sync;

/// <summary>What backup sync makes of what it finds (spec 7.3), apart from reading and writing.</summary>
internal static class SyncDecisions
{
    /// <summary>
    /// The Backup resource to create in <paramref name="veleroNamespace"/> for a backup stored in
    /// <paramref name="location"/>, or null when it is left alone: one still waiting for plugin operations or finalizing
    /// is skipped until it expires, and then synced as <c>PartiallyFailed</c> so garbage collection can take it.
    /// The location's name, and its label, are this cluster's (names may differ between clusters).
    /// </summary>
    public static Backup? Prepare(Backup stored, string veleroNamespace, string location, DateTimeOffset now)
    {
        var backup = KubernetesJson.Deserialize<Backup>(KubernetesJson.Serialize(stored));
        backup.Status ??= new BackupStatus();
        if (backup.Status.Phase is BackupPhase.WaitingForPluginOperations or BackupPhase.WaitingForPluginOperationsPartiallyFailed
            or BackupPhase.Finalizing or BackupPhase.FinalizingPartiallyFailed)
        {
            if (backup.Status.Expiration is not { } expiration
                || new DateTimeOffset(DateTime.SpecifyKind(expiration, DateTimeKind.Utc)) > now)
            {
                return null;
            }

            backup.Status.Phase = BackupPhase.PartiallyFailed;
        }

        var metadata = backup.Metadata;
        metadata.NamespaceProperty = veleroNamespace;
        metadata.ResourceVersion = null;
        metadata.Uid = null;
        metadata.CreationTimestamp = null;
        metadata.Generation = null;
        metadata.ManagedFields = null;
        metadata.Labels ??= new Dictionary<string, string>();
        metadata.Labels[WellKnown.StorageLocationLabel] = LabelValues.GetValidName(location);
        backup.Spec.StorageLocation = location;
        return backup;
    }

    /// <summary>
    /// The owner references kept: a Schedule's only while this cluster has that Schedule with the same uid
    /// (<paramref name="scheduleUid"/> gives its uid, null when missing); other kinds are kept as they are.
    /// </summary>
    public static List<V1OwnerReference>? FilterOwners(IList<V1OwnerReference>? owners, Func<string, string?> scheduleUid)
    {
        if (owners is null)
        {
            return null;
        }

        return [.. owners.Where(o => o.Kind != "Schedule" || (scheduleUid(o.Name) is { } uid && uid == o.Uid))];
    }

    /// <summary>
    /// A stored PodVolumeBackup made this cluster's: owned by the synced Backup's uid (also in its backup-uid label when it
    /// has one), in the Velero namespace, on this location.
    /// </summary>
    public static PodVolumeBackup PreparePodVolumeBackup(PodVolumeBackup stored, Backup created, string location)
    {
        var pvb = KubernetesJson.Deserialize<PodVolumeBackup>(KubernetesJson.Serialize(stored));
        foreach (var owner in pvb.Metadata.OwnerReferences ?? [])
        {
            if (owner.ApiVersion == WellKnown.V1ApiVersion && owner.Kind == "Backup" && owner.Name == created.Metadata.Name)
            {
                owner.Uid = created.Metadata.Uid;
            }
        }

        if (pvb.Metadata.Labels?.ContainsKey(WellKnown.BackupUidLabel) == true)
        {
            pvb.Metadata.Labels[WellKnown.BackupUidLabel] = created.Metadata.Uid;
        }

        pvb.Metadata.NamespaceProperty = created.Metadata.NamespaceProperty;
        pvb.Metadata.ResourceVersion = null;
        pvb.Metadata.Uid = null;
        pvb.Metadata.CreationTimestamp = null;
        pvb.Metadata.ManagedFields = null;
        pvb.Spec.BackupStorageLocation = location;
        return pvb;
    }

    /// <summary>A Backup of this location that ended and whose data is gone from it: removed from the cluster only.</summary>
    public static bool IsOrphan(Backup backup, IReadOnlySet<string> stored) =>
        backup.Status?.Phase is BackupPhase.Completed or BackupPhase.PartiallyFailed && !stored.Contains(backup.Metadata.Name);
}
