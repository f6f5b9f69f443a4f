using Velero.Scheduler.Persistence;

namespace Velero.Services.Tests.Scheduler;

public sealed class MigrationTests
{
    [Fact]
    public void Embedded_migrations_load_in_version_order_with_their_names()
    {
        var migrations = Migration.LoadEmbedded();

        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(m => m.Version));
        Assert.Equal("outbox_and_inbox", migrations[0].Name);
        Assert.All(migrations, m => Assert.Contains("create table", m.Sql, StringComparison.Ordinal));
    }
}
