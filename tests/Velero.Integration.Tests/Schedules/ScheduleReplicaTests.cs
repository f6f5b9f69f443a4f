using Npgsql;
using Velero.Api.V1;
using Velero.Integration.Tests.Downloads;

namespace Velero.Integration.Tests.Schedules;

/// <summary>Several scheduler replicas on one database and one cluster: every due time makes exactly one Backup.</summary>
public sealed class ScheduleReplicaTests(ScheduleFixture fixture) : IClassFixture<ScheduleFixture>
{
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task Two_replicas_racing_make_one_backup_per_due_time()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateScheduleAsync(ns, "raced", "0 * * * *");
        await using var otherPool = fixture.Database.CreateDataSource();
        var first = fixture.Controller(ns, _clock);
        var second = fixture.Controller(ns, _clock, otherPool);

        for (var hour = 0; hour < 5; hour++)
        {
            _clock.Advance(TimeSpan.FromHours(1));
            await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? first : second).RunOnceAsync(default)));
            await Task.WhenAll(first.RunOnceAsync(default), second.RunOnceAsync(default));
            await fixture.CompleteAllAsync(ns, _clock.GetUtcNow());
        }

        var backups = await fixture.BackupsOfAsync(ns, "raced");
        Assert.Equal(5, backups.Count);
        Assert.Equal(5, await fixture.Database.ScalarAsync<int>(
            $"select count(*) from schedule_runs where namespace = '{ns}' and created_at is not null"));
    }

    [Fact]
    public async Task A_replica_crashing_after_its_claim_is_finished_by_the_next_with_the_same_backup_name()
    {
        var ns = await fixture.NamespaceAsync();
        var schedule = await fixture.CreateScheduleAsync(ns, "crashed", "@every 1h");
        _clock.Advance(TimeSpan.FromHours(2));
        var claimedAt = _clock.GetUtcNow().AddTicks(-(_clock.GetUtcNow().UtcTicks % TimeSpan.TicksPerSecond));
        var name = $"crashed-{claimedAt.UtcDateTime:yyyyMMddHHmmss}";
        // What a replica leaves when it dies between claiming the firing (and creating the Backup) and the status write.
        await ClaimAsync(fixture.Cluster(), schedule.Metadata.Uid, ns, claimedAt.AddMinutes(-59), name, claimedAt);
        await fixture.Backups.CreateAsync(new Backup
        {
            Metadata = new k8s.Models.V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = ns,
                Labels = new Dictionary<string, string> { ["velero.io/schedule-name"] = "crashed" },
            },
        });
        _clock.Advance(TimeSpan.FromSeconds(20));

        await fixture.Controller(ns, _clock).RunOnceAsync(default);
        await fixture.Controller(ns, _clock).RunOnceAsync(default);

        Assert.Equal([name], (await fixture.BackupsOfAsync(ns, "crashed")).Select(b => b.Metadata.Name));
        var status = (await fixture.Schedules.GetAsync(ns, "crashed"))!.Status!;
        Assert.Equal(claimedAt.UtcDateTime, status.LastBackup!.Value.ToUniversalTime());
    }

    [Fact]
    public async Task A_replica_crashing_before_creating_the_backup_leaves_it_to_be_created_under_the_claimed_name()
    {
        var ns = await fixture.NamespaceAsync();
        var schedule = await fixture.CreateScheduleAsync(ns, "unmade", "@every 1h");
        _clock.Advance(TimeSpan.FromHours(2));
        var claimedAt = _clock.GetUtcNow().AddTicks(-(_clock.GetUtcNow().UtcTicks % TimeSpan.TicksPerSecond));
        var name = $"unmade-{claimedAt.UtcDateTime:yyyyMMddHHmmss}";
        await ClaimAsync(fixture.Cluster(), schedule.Metadata.Uid, ns, claimedAt.AddMinutes(-59), name, claimedAt);
        _clock.Advance(TimeSpan.FromSeconds(20));

        await fixture.Controller(ns, _clock).RunOnceAsync(default);
        await fixture.Controller(ns, _clock).RunOnceAsync(default);

        Assert.Equal([name], (await fixture.BackupsOfAsync(ns, "unmade")).Select(b => b.Metadata.Name));
    }

    private async Task ClaimAsync(string clusterId, string uid, string ns, DateTimeOffset due, string name, DateTimeOffset at)
    {
        await using var command = fixture.DataSource.CreateCommand("""
            insert into schedule_runs (schedule_uid, due_at, cluster_id, namespace, backup_name, claimed_at)
            values (@uid, @due, @cluster, @ns, @name, @at)
            """);
        command.Parameters.Add(new NpgsqlParameter("uid", uid));
        command.Parameters.Add(new NpgsqlParameter("due", due));
        command.Parameters.Add(new NpgsqlParameter("cluster", clusterId));
        command.Parameters.Add(new NpgsqlParameter("ns", ns));
        command.Parameters.Add(new NpgsqlParameter("name", name));
        command.Parameters.Add(new NpgsqlParameter("at", at));
        await command.ExecuteNonQueryAsync();
    }
}
