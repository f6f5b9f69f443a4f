using Microsoft.Extensions.Logging.Abstractions;
using Velero.Scheduler.Persistence;
using Velero.ServiceDefaults.Startup;
using Velero.Testing;

namespace Velero.Integration.Tests.Persistence;

public sealed class MigrationTests
{
    [Fact]
    public async Task Schedulers_starting_together_apply_each_migration_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = database.CreateDataSource();
        var runners = Enumerable.Range(0, 4).Select(_ => new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance));

        await Task.WhenAll(runners.Select(r => r.RunAsync(CancellationToken.None)));

        var expected = Migration.LoadEmbedded().Count;
        Assert.True(expected >= 2);
        Assert.Equal(expected, await database.ScalarAsync<long>("select count(*) from schema_migrations"));
        Assert.Equal(expected, await database.ScalarAsync<long>("select count(distinct version) from schema_migrations"));
        Assert.Equal(0, await database.ScalarAsync<long>("select count(*) from outbox_messages"));
    }

    [Fact]
    public async Task A_second_start_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = database.CreateDataSource();
        var runner = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);
        await runner.RunAsync(CancellationToken.None);
        var appliedAt = await database.ScalarAsync<DateTime>("select max(applied_at) from schema_migrations");

        await runner.RunAsync(CancellationToken.None);

        Assert.Equal(appliedAt, await database.ScalarAsync<DateTime>("select max(applied_at) from schema_migrations"));
    }

    [Fact]
    public async Task The_advisory_lock_is_released_after_migrating()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = database.CreateDataSource();
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).RunAsync(CancellationToken.None);

        Assert.Equal(0, await database.ScalarAsync<long>(
            $"select count(*) from pg_locks where locktype = 'advisory' and objid = {MigrationRunner.LockKey & 0xffffffff}"));
    }

    [Fact]
    public async Task A_migration_edited_after_it_was_applied_stops_start_up_with_its_name()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = database.CreateDataSource();
        var runner = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);
        await runner.RunAsync(CancellationToken.None);
        await using (var edit = dataSource.CreateCommand("update schema_migrations set checksum = 'edited' where version = 2"))
        {
            await edit.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<StartupFailedException>(() => runner.RunAsync(CancellationToken.None));

        Assert.StartsWith("migration 0002_server_status changed after it was applied", error.Message, StringComparison.Ordinal);
        Assert.False(runner.IsTransient(error));
    }
}
