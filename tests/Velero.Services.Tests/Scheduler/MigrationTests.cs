using Velero.Scheduler.Persistence;

namespace Velero.Services.Tests.Scheduler;

public sealed class MigrationTests
{
    [Fact]
    public void Embedded_migrations_load_in_version_order_with_their_names()
    {
        var migrations = Migration.LoadEmbedded();

        // Numbers are assigned ahead to parallel work, so a gap may stand until its migration lands; the order is what counts.
        Assert.Equal(migrations.Select(m => m.Version).Distinct().Order(), migrations.Select(m => m.Version));
        Assert.Equal("outbox_and_inbox", migrations[0].Name);
        Assert.All(migrations, m => Assert.Matches("(create|alter) (table|view)", m.Sql));
    }
}
