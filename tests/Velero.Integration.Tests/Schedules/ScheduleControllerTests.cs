using Velero.Api.V1;
using Velero.Integration.Tests.Downloads;
using Velero.Scheduler.Schedules;

namespace Velero.Integration.Tests.Schedules;

/// <summary>
/// The schedule controller in-process against the emulated cluster and the real Postgres, its clock the test's: what a
/// user sees of Schedules and the Backups they make.
/// </summary>
public sealed class ScheduleControllerTests(ScheduleFixture fixture) : IClassFixture<ScheduleFixture>
{
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task A_new_schedule_is_enabled_without_a_backup_and_its_due_run_makes_one_as_upstream_names_it()
    {
        var ns = await fixture.NamespaceAsync();
        var schedule = await fixture.CreateScheduleAsync(ns, "hourly", "@every 1h", s =>
        {
            s.Metadata.Labels = new Dictionary<string, string> { ["team"] = "web" };
            s.Metadata.Annotations = new Dictionary<string, string> { ["note"] = "copied" };
            s.Spec.UseOwnerReferencesInBackup = true;
        });
        var controller = fixture.Controller(ns, _clock);

        await controller.RunOnceAsync(default);
        var enabled = await fixture.Schedules.GetAsync(ns, "hourly");
        Assert.Equal((SchedulePhase.Enabled, null), (enabled!.Status!.Phase, enabled.Status.LastBackup));
        Assert.False(enabled.Spec.SkipImmediately);
        Assert.Empty(await fixture.BackupsOfAsync(ns, "hourly"));

        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(30));
        await controller.RunOnceAsync(default);
        await controller.RunOnceAsync(default);

        var backup = Assert.Single(await fixture.BackupsOfAsync(ns, "hourly"));
        var now = _clock.GetUtcNow();
        Assert.Equal($"hourly-{now.UtcDateTime:yyyyMMddHHmmss}", backup.Metadata.Name);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "web", ["velero.io/schedule-name"] = "hourly" }, backup.Metadata.Labels);
        Assert.Equal("copied", backup.Metadata.Annotations["note"]);
        Assert.Equal(["web"], backup.Spec.IncludedNamespaces);
        var owner = Assert.Single(backup.Metadata.OwnerReferences);
        Assert.Equal(("Schedule", "hourly", schedule.Metadata.Uid, true), (owner.Kind, owner.Name, owner.Uid, owner.Controller));
        Assert.DoesNotContain(fixture.Log.Lines, l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
        var after = await fixture.Schedules.GetAsync(ns, "hourly");
        Assert.Equal(now.UtcDateTime.ToString("yyyyMMddHHmmss"), after!.Status!.LastBackup!.Value.ToUniversalTime().ToString("yyyyMMddHHmmss"));
    }

    [Fact]
    public async Task A_scheduler_down_for_hours_makes_one_backup_not_a_burst()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateScheduleAsync(ns, "often", "*/5 * * * *");
        var controller = fixture.Controller(ns, _clock);
        await controller.RunOnceAsync(default);

        _clock.Advance(TimeSpan.FromHours(10));
        await controller.RunOnceAsync(default);
        await fixture.CompleteAllAsync(ns, _clock.GetUtcNow());
        await controller.RunOnceAsync(default);
        await controller.RunOnceAsync(default);

        Assert.Single(await fixture.BackupsOfAsync(ns, "often"));

        _clock.Advance(TimeSpan.FromMinutes(5));
        await controller.RunOnceAsync(default);
        Assert.Equal(2, (await fixture.BackupsOfAsync(ns, "often")).Count);
    }

    [Fact]
    public async Task A_paused_schedule_is_left_alone_and_once_unpaused_makes_one_backup()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateScheduleAsync(ns, "paused", "@every 1h", s => s.Spec.Paused = true);
        var controller = fixture.Controller(ns, _clock);

        _clock.Advance(TimeSpan.FromHours(10));
        await controller.RunOnceAsync(default);
        Assert.Empty(await fixture.BackupsOfAsync(ns, "paused"));
        Assert.Null((await fixture.Schedules.GetAsync(ns, "paused"))!.Status?.Phase);

        await fixture.Schedules.PatchAsync(ns, "paused", new { spec = new { paused = false } });
        await controller.RunOnceAsync(default);
        await controller.RunOnceAsync(default);

        Assert.Single(await fixture.BackupsOfAsync(ns, "paused"));
    }

    [Fact]
    public async Task Skip_immediately_skips_the_current_due_run_and_is_reset()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateScheduleAsync(ns, "skipper", "@every 1h", s => s.Spec.Paused = true);
        var controller = fixture.Controller(ns, _clock);
        _clock.Advance(TimeSpan.FromHours(10));

        // velero schedule unpause --skip-immediately
        await fixture.Schedules.PatchAsync(ns, "skipper", new { spec = new { paused = false, skipImmediately = true } });
        await controller.RunOnceAsync(default);

        var skipped = await fixture.Schedules.GetAsync(ns, "skipper");
        Assert.Empty(await fixture.BackupsOfAsync(ns, "skipper"));
        Assert.False(skipped!.Spec.SkipImmediately);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmss"),
            skipped.Status!.LastSkipped!.Value.ToUniversalTime().ToString("yyyyMMddHHmmss"));

        _clock.Advance(TimeSpan.FromMinutes(59));
        await controller.RunOnceAsync(default);
        Assert.Empty(await fixture.BackupsOfAsync(ns, "skipper"));

        _clock.Advance(TimeSpan.FromMinutes(2));
        await controller.RunOnceAsync(default);
        Assert.Single(await fixture.BackupsOfAsync(ns, "skipper"));
    }

    [Fact]
    public async Task The_server_default_skips_the_first_run_of_a_schedule_without_skip_immediately()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateScheduleAsync(ns, "defaulted", "@every 1h");
        var controller = fixture.Controller(ns, _clock, skipImmediately: true);
        _clock.Advance(TimeSpan.FromHours(2));

        await controller.RunOnceAsync(default);
        await controller.RunOnceAsync(default);

        Assert.Empty(await fixture.BackupsOfAsync(ns, "defaulted"));
        Assert.False((await fixture.Schedules.GetAsync(ns, "defaulted"))!.Spec.SkipImmediately);
    }

    [Theory]
    [InlineData(BackupPhase.New)]
    [InlineData(BackupPhase.Queued)]
    [InlineData(BackupPhase.InProgress)]
    public async Task No_backup_starts_while_one_of_the_schedule_has_not_finished(string phase)
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateScheduleAsync(ns, "guarded", "@every 1h");
        await fixture.Backups.CreateAsync(new Backup
        {
            Metadata = new k8s.Models.V1ObjectMeta
            {
                Name = "guarded-manual",
                NamespaceProperty = ns,
                Labels = new Dictionary<string, string> { ["velero.io/schedule-name"] = "guarded" },
            },
            Status = new BackupStatus { Phase = phase },
        });
        var controller = fixture.Controller(ns, _clock);
        _clock.Advance(TimeSpan.FromHours(2));

        await controller.RunOnceAsync(default);
        Assert.Equal(["guarded-manual"], (await fixture.BackupsOfAsync(ns, "guarded")).Select(b => b.Metadata.Name));

        await fixture.Backups.PatchAsync(ns, "guarded-manual", new { status = new { phase = BackupPhase.Completed } });
        await controller.RunOnceAsync(default);
        Assert.Equal(2, (await fixture.BackupsOfAsync(ns, "guarded")).Count);
    }

    [Theory]
    [InlineData("bogus", null, "invalid schedule: expected exactly 5 fields, found 1: [bogus]")]
    [InlineData("", null, "Schedule must be a non-empty valid Cron expression")]
    [InlineData("CRON_TZ=Nowhere/Land 0 1 * * *", null, "invalid schedule: provided bad location Nowhere/Land: unknown time zone Nowhere/Land")]
    [InlineData("@daily", "many", "annotation retention.velero-services.io/keep-last: \"many\" is not a whole number from 0 to 100000")]
    public async Task An_invalid_schedule_fails_validation_with_the_reason_and_makes_nothing(string cron, string? keepLast, string error)
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateScheduleAsync(ns, "broken", cron, s =>
        {
            if (keepLast is not null)
            {
                s.Metadata.Annotations = new Dictionary<string, string> { ["retention.velero-services.io/keep-last"] = keepLast };
            }
        });
        var controller = fixture.Controller(ns, _clock);
        _clock.Advance(TimeSpan.FromDays(2));

        await controller.RunOnceAsync(default);

        var schedule = await fixture.Schedules.GetAsync(ns, "broken");
        Assert.Equal(SchedulePhase.FailedValidation, schedule!.Status!.Phase);
        Assert.Equal([error], schedule.Status.ValidationErrors);
        Assert.Empty(await fixture.BackupsOfAsync(ns, "broken"));

        await fixture.Schedules.PatchAsync(ns, "broken", new { spec = new { schedule = "@daily" }, metadata = new { annotations = new Dictionary<string, string?> { ["retention.velero-services.io/keep-last"] = null } } });
        await controller.RunOnceAsync(default);
        var fixedSchedule = await fixture.Schedules.GetAsync(ns, "broken");
        Assert.Equal((SchedulePhase.Enabled, null), (fixedSchedule!.Status!.Phase, fixedSchedule.Status.ValidationErrors));
    }

    [Fact]
    public async Task The_catalog_lists_every_schedule_with_its_phase_and_last_backup()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateScheduleAsync(ns, "listed", "@every 1h");
        await fixture.CreateScheduleAsync(ns, "listed-paused", "@every 1h", s => s.Spec.Paused = true);
        var controller = fixture.Controller(ns, _clock);
        _clock.Advance(TimeSpan.FromHours(2));

        await controller.RunOnceAsync(default);

        Assert.Equal(1, await fixture.Database.ScalarAsync<int>(
            $"select count(*) from schedules where namespace = '{ns}' and name = 'listed' and phase = 'Enabled' and last_backup is not null and not paused"));
        Assert.Equal(1, await fixture.Database.ScalarAsync<int>(
            $"select count(*) from schedules where namespace = '{ns}' and name = 'listed-paused' and paused"));

        await fixture.Schedules.DeleteAsync(ns, "listed-paused");
        await controller.RunOnceAsync(default);
        Assert.Equal(["listed"], await Names(ns));
    }

    private async Task<List<string>> Names(string ns)
    {
        await using var command = fixture.DataSource.CreateCommand($"select name from schedules where namespace = '{ns}' order by name");
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    [Fact]
    public void The_lock_class_spells_schd() =>
        Assert.Equal("schd", System.Text.Encoding.ASCII.GetString(BitConverter.GetBytes(ScheduleController.ScheduleLockClass).Reverse().ToArray()));
}
