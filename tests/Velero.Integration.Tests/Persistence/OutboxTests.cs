using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Contracts.Clusters;
using Velero.Contracts.Status;
using Velero.Scheduler.Outbox;
using Velero.Scheduler.Persistence;
using Velero.Testing;

namespace Velero.Integration.Tests.Persistence;

/// <summary>The transactional outbox on the real database; the bus side is MassTransit's in-memory harness.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private static readonly ClusterRef Cluster = new() { Id = "uid-1", Name = "dev-a" };
    private TestDatabase _database = null!;
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _dataSource = _database.CreateDataSource();
        await new MigrationRunner(_dataSource, NullLogger<MigrationRunner>.Instance).RunAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_rolled_back_change_publishes_nothing()
    {
        await using (var connection = await _dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await OutboxWriter.EnqueueAsync(connection, transaction, Collected(), DateTimeOffset.UtcNow, CancellationToken.None);
            await transaction.RollbackAsync();
        }

        await using var harness = await StartHarnessAsync();
        Assert.Equal(0, await Dispatcher(harness).DispatchBatchAsync(CancellationToken.None));
        Assert.False(await harness.Harness.Published.Any<ServerStatusCollected>());
    }

    [Fact]
    public async Task A_committed_message_is_published_once_with_its_outbox_id()
    {
        Guid messageId;
        var message = Collected();
        await using (var connection = await _dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            messageId = await OutboxWriter.EnqueueAsync(connection, transaction, message, DateTimeOffset.UtcNow, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var harness = await StartHarnessAsync();
        var dispatcher = Dispatcher(harness);

        Assert.Equal(1, await dispatcher.DispatchBatchAsync(CancellationToken.None));
        Assert.Equal(0, await dispatcher.DispatchBatchAsync(CancellationToken.None));
        var published = Assert.Single(harness.Harness.Published.Select<ServerStatusCollected>());
        Assert.Equal(messageId, published.Context.MessageId);
        Assert.Equal(message.RequestId, published.Context.Message.RequestId);
        Assert.Equal(["snapshotter"], published.Context.Message.Missing);
        Assert.Equal(0, await _database.ScalarAsync<long>("select count(*) from outbox_messages where dispatched_at is null"));
    }

    private static ServerStatusCollected Collected() => new()
    {
        RequestId = Guid.NewGuid(),
        Cluster = Cluster,
        Services = [],
        Missing = ["snapshotter"],
        CollectedAt = DateTimeOffset.UtcNow,
    };

    private OutboxDispatcher Dispatcher(HarnessScope scope) =>
        new(_dataSource, scope.Harness.Bus, Options.Create(new OutboxOptions()), TimeProvider.System,
            NullLogger<OutboxDispatcher>.Instance);

    private static async Task<HarnessScope> StartHarnessAsync()
    {
        var provider = new ServiceCollection().AddMassTransitTestHarness().BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        return new HarnessScope(provider, harness);
    }

    private sealed record HarnessScope(ServiceProvider Provider, ITestHarness Harness) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Provider.DisposeAsync();
    }
}
