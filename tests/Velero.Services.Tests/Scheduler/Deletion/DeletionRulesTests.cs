using k8s.Models;
using Velero.Api.V1;
using Velero.Scheduler.Deletion;

namespace Velero.Services.Tests.Scheduler.Deletion;

public sealed class DeletionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, 1, "Process")]
    [InlineData("New", 1, "Process")]
    [InlineData("New", 48, "Process")]
    [InlineData("Processed", 1, "Skip")]
    [InlineData("Processed", 24, "Expire")]
    [InlineData("InProgress", 23, "Resume")]
    [InlineData("InProgress", 24, "Expire")]
    public void Requests_are_processed_kept_resumed_or_expired_by_phase_and_age(string? phase, int hoursOld, string expected)
    {
        var request = new DeleteBackupRequest
        {
            Metadata = new V1ObjectMeta { Name = "b-x", CreationTimestamp = Now.AddHours(-hoursOld).UtcDateTime },
            Status = phase is null ? null : new DeleteBackupRequestStatus { Phase = phase },
        };

        Assert.Equal(Enum.Parse<RequestTriage>(expected), DeletionRules.Triage(request, Now));
    }

    [Theory]
    [InlineData("Completed", "New", true)]
    [InlineData("Completed", "Queued", true)]
    [InlineData("Completed", "ReadyToStart", true)]
    [InlineData("InProgress", "InProgress", true)]
    [InlineData("InProgress", "Completed", false)]
    [InlineData("Completed", "Completed", false)]
    [InlineData("PartiallyFailed", "PartiallyFailed", false)]
    [InlineData("Deleting", "Deleting", false)]
    [InlineData("Failed", "Failed", false)]
    [InlineData("", null, true)]
    [InlineData("New", null, true)]
    [InlineData("Completed", null, false)]
    public void The_catalog_record_decides_whether_a_backup_is_still_in_progress(string resourcePhase, string? recordPhase, bool expected) =>
        Assert.Equal(expected, DeletionRules.InProgress(resourcePhase, recordPhase));

    [Fact]
    public void Location_rejections_use_upstreams_words_in_its_order()
    {
        Assert.Equal("backup storage location gone not found", DeletionRules.LocationRejection("gone", null));
        Assert.Equal("cannot delete backup because backup storage location ro is currently in read-only mode",
            DeletionRules.LocationRejection("ro", Location("ro", BackupStorageLocationAccessMode.ReadOnly, BackupStorageLocationPhase.Unavailable)));
        Assert.Equal("cannot delete backup because backup storage location down is currently in Unavailable state",
            DeletionRules.LocationRejection("down", Location("down", null, BackupStorageLocationPhase.Unavailable)));
        Assert.Equal("cannot delete backup because backup storage location new is currently in Unavailable state",
            DeletionRules.LocationRejection("new", Location("new", BackupStorageLocationAccessMode.ReadWrite, null)));
        Assert.Null(DeletionRules.LocationRejection("ok", Location("ok", BackupStorageLocationAccessMode.ReadWrite, BackupStorageLocationPhase.Available)));
    }

    [Fact]
    public void A_request_made_after_the_backup_expired_counts_as_expiry()
    {
        var backup = new Backup { Status = new BackupStatus { Expiration = Now.UtcDateTime } };

        Assert.True(DeletionRules.Expired(backup, Now));
        Assert.False(DeletionRules.Expired(backup, Now.AddSeconds(-1)));
        Assert.False(DeletionRules.Expired(new Backup(), Now));
        Assert.False(DeletionRules.Expired(null, Now));
    }

    internal static BackupStorageLocation Location(string name, string? accessMode, string? phase) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "velero" },
        Spec = new BackupStorageLocationSpec { Provider = "aws", AccessMode = accessMode },
        Status = phase is null ? null : new BackupStorageLocationStatus { Phase = phase },
    };
}
