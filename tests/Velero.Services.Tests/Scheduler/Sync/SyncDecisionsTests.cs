using k8s.Models;
using Velero.Api;
using Velero.Api.V1;
using Velero.Scheduler.Sync;

namespace Velero.Services.Tests.Scheduler.Sync;

public sealed class SyncDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_stored_backup_becomes_this_clusters_resource_with_its_status_location_and_label()
    {
        var stored = Stored("nightly-1", BackupPhase.Completed);
        stored.Metadata.NamespaceProperty = "velero-a";
        stored.Metadata.ResourceVersion = "4711";
        stored.Metadata.Uid = "uid-in-a";
        stored.Spec.StorageLocation = "primary";

        var backup = SyncDecisions.Prepare(stored, "velero", "shared", Now)!;

        Assert.Equal(("velero", null, null), (backup.Metadata.NamespaceProperty, backup.Metadata.ResourceVersion, backup.Metadata.Uid));
        Assert.Equal("shared", backup.Spec.StorageLocation);
        Assert.Equal("shared", backup.Metadata.Labels[WellKnown.StorageLocationLabel]);
        Assert.Equal("team-a", backup.Metadata.Labels["owner"]);
        Assert.Equal(BackupPhase.Completed, backup.Status!.Phase);
        Assert.Equal(41, backup.Status.Progress!.ItemsBackedUp);
        Assert.Equal("primary", stored.Spec.StorageLocation);
    }

    [Fact]
    public void A_long_location_name_is_shortened_in_the_label_as_upstream()
    {
        var location = new string('l', 70);

        var backup = SyncDecisions.Prepare(Stored("b", BackupPhase.Completed), "velero", location, Now)!;

        Assert.Equal(location, backup.Spec.StorageLocation);
        Assert.Equal(63, backup.Metadata.Labels[WellKnown.StorageLocationLabel].Length);
    }

    [Theory]
    [InlineData(BackupPhase.WaitingForPluginOperations)]
    [InlineData(BackupPhase.WaitingForPluginOperationsPartiallyFailed)]
    [InlineData(BackupPhase.Finalizing)]
    [InlineData(BackupPhase.FinalizingPartiallyFailed)]
    public void A_backup_still_finishing_is_not_synced_before_it_expires_and_afterwards_is_partially_failed(string phase)
    {
        var stored = Stored("b", phase);
        stored.Status!.Expiration = Now.UtcDateTime.AddMinutes(1);
        Assert.Null(SyncDecisions.Prepare(stored, "velero", "default", Now));

        stored.Status.Expiration = null;
        Assert.Null(SyncDecisions.Prepare(stored, "velero", "default", Now));

        stored.Status.Expiration = Now.UtcDateTime.AddMinutes(-1);
        Assert.Equal(BackupPhase.PartiallyFailed, SyncDecisions.Prepare(stored, "velero", "default", Now)!.Status!.Phase);
    }

    [Theory]
    [InlineData(BackupPhase.Completed)]
    [InlineData(BackupPhase.PartiallyFailed)]
    [InlineData(BackupPhase.Failed)]
    [InlineData(BackupPhase.FailedValidation)]
    public void Ended_backups_are_synced_in_the_phase_they_ended(string phase) =>
        Assert.Equal(phase, SyncDecisions.Prepare(Stored("b", phase), "velero", "default", Now)!.Status!.Phase);

    [Fact]
    public void Schedule_owner_references_stay_only_for_a_schedule_of_the_same_uid_here()
    {
        List<V1OwnerReference> owners =
        [
            new() { Kind = "Schedule", Name = "daily", Uid = "s1", ApiVersion = WellKnown.V1ApiVersion },
            new() { Kind = "Schedule", Name = "weekly", Uid = "s2", ApiVersion = WellKnown.V1ApiVersion },
            new() { Kind = "Schedule", Name = "gone", Uid = "s3", ApiVersion = WellKnown.V1ApiVersion },
            new() { Kind = "ConfigMap", Name = "other", Uid = "c1", ApiVersion = "v1" },
        ];
        var here = new Dictionary<string, string?> { ["daily"] = "s1", ["weekly"] = "another-uid" };

        var kept = SyncDecisions.FilterOwners(owners, n => here.GetValueOrDefault(n));

        Assert.Equal(["daily", "other"], kept!.Select(o => o.Name));
    }

    [Fact]
    public void A_pod_volume_backup_is_owned_by_the_synced_backup_and_on_this_location()
    {
        var created = Stored("b", BackupPhase.Completed);
        created.Metadata.Uid = "uid-here";
        created.Metadata.NamespaceProperty = "velero";
        var stored = new PodVolumeBackup
        {
            Metadata = new V1ObjectMeta
            {
                Name = "b-xyz",
                NamespaceProperty = "velero-a",
                ResourceVersion = "12",
                Labels = new Dictionary<string, string> { [WellKnown.BackupUidLabel] = "uid-in-a", [WellKnown.BackupNameLabel] = "b" },
                OwnerReferences = [new V1OwnerReference { ApiVersion = WellKnown.V1ApiVersion, Kind = "Backup", Name = "b", Uid = "uid-in-a" }],
            },
            Spec = new PodVolumeBackupSpec { BackupStorageLocation = "primary", Volume = "data" },
        };

        var pvb = SyncDecisions.PreparePodVolumeBackup(stored, created, "shared");

        Assert.Equal("uid-here", pvb.Metadata.OwnerReferences.Single().Uid);
        Assert.Equal("uid-here", pvb.Metadata.Labels[WellKnown.BackupUidLabel]);
        Assert.Equal(("velero", null), (pvb.Metadata.NamespaceProperty, pvb.Metadata.ResourceVersion));
        Assert.Equal("shared", pvb.Spec.BackupStorageLocation);
    }

    [Theory]
    [InlineData(BackupPhase.Completed, false, true)]
    [InlineData(BackupPhase.PartiallyFailed, false, true)]
    [InlineData(BackupPhase.Completed, true, false)]
    [InlineData(BackupPhase.Failed, false, false)]
    [InlineData(BackupPhase.InProgress, false, false)]
    [InlineData(BackupPhase.Deleting, false, false)]
    public void Only_ended_backups_missing_from_storage_are_orphans(string phase, bool stored, bool orphan)
    {
        var names = stored ? new HashSet<string> { "b" } : new HashSet<string>();

        Assert.Equal(orphan, SyncDecisions.IsOrphan(Stored("b", phase), names));
    }

    internal static Backup Stored(string name, string phase) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["owner"] = "team-a" } },
        Spec = new BackupSpec { IncludedNamespaces = ["shop"] },
        Status = new BackupStatus { Phase = phase, Progress = new BackupProgress { TotalItems = 41, ItemsBackedUp = 41 } },
    };
}
