using Velero.Api.V1;
using Velero.Integration.Tests.Downloads;

namespace Velero.Integration.Tests.Schedules;

/// <summary>Retention annotations on a Schedule ending its older backups through DeleteBackupRequests.</summary>
public sealed class ScheduleRetentionTests(ScheduleFixture fixture) : IClassFixture<ScheduleFixture>
{
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task Keep_last_asks_once_for_the_deletion_of_each_older_backup()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateScheduleAsync(ns, "kept", "@every 1h", s =>
            s.Metadata.Annotations = new Dictionary<string, string> { ["retention.velero-services.io/keep-last"] = "2" });
        // A backup of the same label this schedule did not make (synced in from a shared location) is not its to remove.
        await fixture.Backups.CreateAsync(new Backup
        {
            Metadata = new k8s.Models.V1ObjectMeta
            {
                Name = "kept-from-elsewhere",
                NamespaceProperty = ns,
                Labels = new Dictionary<string, string> { ["velero.io/schedule-name"] = "kept" },
            },
            Status = new BackupStatus { Phase = BackupPhase.Completed, StartTimestamp = _clock.GetUtcNow().UtcDateTime.AddDays(-30) },
        });
        var controller = fixture.Controller(ns, _clock);

        for (var run = 0; run < 4; run++)
        {
            _clock.Advance(TimeSpan.FromMinutes(61));
            await controller.RunOnceAsync(default);
            await fixture.CompleteAllAsync(ns, _clock.GetUtcNow());
        }

        await controller.RunOnceAsync(default);
        await controller.RunOnceAsync(default);

        var made = (await fixture.BackupsOfAsync(ns, "kept")).Where(b => b.Metadata.Name != "kept-from-elsewhere")
            .OrderBy(b => b.Metadata.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(4, made.Count);
        var requests = (await fixture.DeleteRequests.ListAsync(ns)).Items;
        Assert.Equal(made.Take(2).Select(b => b.Metadata.Name).Order(StringComparer.Ordinal),
            requests.Select(r => r.Spec.BackupName).Order(StringComparer.Ordinal));
        Assert.All(requests, r => Assert.Equal(made.Single(b => b.Metadata.Name == r.Spec.BackupName).Metadata.Uid,
            r.Metadata.Labels["velero.io/backup-uid"]));
    }

    [Fact]
    public async Task Without_retention_annotations_nothing_is_deleted()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateScheduleAsync(ns, "ttl-only", "@every 1h");
        var controller = fixture.Controller(ns, _clock);

        for (var run = 0; run < 3; run++)
        {
            _clock.Advance(TimeSpan.FromMinutes(61));
            await controller.RunOnceAsync(default);
            await fixture.CompleteAllAsync(ns, _clock.GetUtcNow());
        }

        Assert.Equal(3, (await fixture.BackupsOfAsync(ns, "ttl-only")).Count);
        Assert.Empty((await fixture.DeleteRequests.ListAsync(ns)).Items);
    }
}
