using k8s.Models;
using Velero.Api.V1;
using Velero.Scheduler.Sync;

namespace Velero.Services.Tests.Scheduler.Sync;

public sealed class SyncScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ServerPeriod = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_location_never_synced_is_due_at_once()
    {
        Assert.True(SyncSchedule.IsDue(Location("a", lastSynced: null), ServerPeriod, Now));
    }

    [Fact]
    public void A_location_is_due_again_when_its_period_has_passed()
    {
        Assert.False(SyncSchedule.IsDue(Location("a", lastSynced: Now.AddSeconds(-59)), ServerPeriod, Now));
        Assert.True(SyncSchedule.IsDue(Location("a", lastSynced: Now.AddSeconds(-60)), ServerPeriod, Now));
    }

    [Fact]
    public void The_locations_own_period_wins_and_zero_turns_its_sync_off()
    {
        Assert.False(SyncSchedule.IsDue(Location("a", lastSynced: Now.AddMinutes(-4), period: "5m"), ServerPeriod, Now));
        Assert.True(SyncSchedule.IsDue(Location("a", lastSynced: Now.AddMinutes(-5), period: "5m"), ServerPeriod, Now));
        Assert.False(SyncSchedule.IsDue(Location("a", lastSynced: null, period: "0s"), ServerPeriod, Now));
        Assert.Null(SyncSchedule.PeriodOf(Location("a", null, period: "0s"), ServerPeriod));
    }

    [Fact]
    public void A_negative_location_period_or_a_zero_server_period_falls_back_as_upstream()
    {
        Assert.Equal(ServerPeriod, SyncSchedule.PeriodOf(Location("a", null, period: "-5m"), ServerPeriod));
        Assert.Equal(TimeSpan.FromMinutes(1), SyncSchedule.PeriodOf(Location("a", null), TimeSpan.Zero));
    }

    [Fact]
    public void An_unavailable_location_is_never_synced()
    {
        var location = Location("a", lastSynced: null);
        location.Status!.Phase = BackupStorageLocationPhase.Unavailable;

        Assert.False(SyncSchedule.IsDue(location, ServerPeriod, Now));
    }

    [Fact]
    public void The_default_location_is_synced_first()
    {
        var ordered = SyncSchedule.Order([Location("a", null), Location("b", null), Location("main", null, isDefault: true), Location("c", null)]);

        Assert.Equal(["main", "a", "b", "c"], ordered.Select(l => l.Metadata.Name));
    }

    private static BackupStorageLocation Location(string name, DateTimeOffset? lastSynced, string? period = null, bool isDefault = false) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new BackupStorageLocationSpec { BackupSyncPeriod = period, Default = isDefault },
        Status = new BackupStorageLocationStatus { Phase = BackupStorageLocationPhase.Available, LastSyncedTime = lastSynced?.UtcDateTime },
    };
}
