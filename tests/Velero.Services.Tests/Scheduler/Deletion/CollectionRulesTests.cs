using k8s.Models;
using Velero.Api.V1;
using Velero.Scheduler.GarbageCollection;

namespace Velero.Services.Tests.Scheduler.Deletion;

public sealed class CollectionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly BackupStorageLocation Available =
        DeletionRulesTests.Location("default", null, BackupStorageLocationPhase.Available);

    [Fact]
    public void A_backup_without_expiration_or_expiring_later_is_kept()
    {
        Assert.Equal(CollectionAction.Keep, CollectionRules.Decide(new Backup(), Now, Available, false).Action);
        Assert.Equal(CollectionAction.Keep, CollectionRules.Decide(Expiring(Now.AddSeconds(1)), Now, Available, false).Action);
    }

    [Fact]
    public void A_backup_expiring_now_on_a_usable_location_gets_a_deletion_request()
    {
        Assert.Equal(new CollectionDecision(CollectionAction.Request), CollectionRules.Decide(Expiring(Now), Now, Available, false));
        Assert.Equal(CollectionAction.Request, CollectionRules.Decide(Expiring(Now.AddDays(-3)), Now,
            DeletionRulesTests.Location("default", BackupStorageLocationAccessMode.ReadWrite, BackupStorageLocationPhase.Available), false).Action);
    }

    [Fact]
    public void An_expired_backup_whose_location_cannot_be_used_is_labelled_with_upstreams_reasons()
    {
        var expired = Expiring(Now.AddHours(-1));

        Assert.Equal(new CollectionDecision(CollectionAction.Label, "BSLNotFound"), CollectionRules.Decide(expired, Now, null, false));
        Assert.Equal(new CollectionDecision(CollectionAction.Label, "BSLCannotGet"), CollectionRules.Decide(expired, Now, null, true));
        Assert.Equal(new CollectionDecision(CollectionAction.Label, "BSLReadOnly"), CollectionRules.Decide(expired, Now,
            DeletionRulesTests.Location("default", BackupStorageLocationAccessMode.ReadOnly, BackupStorageLocationPhase.Available), false));
    }

    [Fact]
    public void An_expired_backup_on_an_unavailable_location_is_retried_without_a_label_as_upstream()
    {
        var expired = Expiring(Now.AddHours(-1));

        Assert.Equal(new CollectionDecision(CollectionAction.Retry), CollectionRules.Decide(expired, Now,
            DeletionRulesTests.Location("default", null, BackupStorageLocationPhase.Unavailable), false));
        // Upstream checks availability first: a read-only location that is also unavailable is retried, not labelled.
        Assert.Equal(CollectionAction.Retry, CollectionRules.Decide(expired, Now,
            DeletionRulesTests.Location("default", BackupStorageLocationAccessMode.ReadOnly, null), false).Action);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("New", true)]
    [InlineData("InProgress", true)]
    [InlineData("Processed", false)]
    public void Only_new_or_running_requests_count_as_pending(string? phase, bool pending) =>
        Assert.Equal(pending, CollectionRules.Pending(new DeleteBackupRequest
        {
            Metadata = new V1ObjectMeta { Name = "r" },
            Status = phase is null ? null : new DeleteBackupRequestStatus { Phase = phase },
        }));

    private static Backup Expiring(DateTimeOffset at) => new()
    {
        Metadata = new V1ObjectMeta { Name = "b", NamespaceProperty = "velero" },
        Spec = new BackupSpec { StorageLocation = "default" },
        Status = new BackupStatus { Phase = BackupPhase.Completed, Expiration = at.UtcDateTime },
    };
}
