using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Velero.Contracts.Clusters;
using Velero.Contracts.Status;
using Velero.Scheduler.Persistence;
using Velero.Scheduler.Status;
using Velero.Testing;

namespace Velero.Integration.Tests.Persistence;

/// <summary>A message delivered twice (a broker redelivery after a lost ack) changes the database once.</summary>
public sealed class RedeliveryTests
{
    [Fact]
    public async Task A_redelivered_status_report_is_recorded_and_closes_its_request_only_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = database.CreateDataSource();
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).RunAsync(CancellationToken.None);
        await using var provider = new ServiceCollection()
            .AddSingleton(dataSource)
            .AddSingleton(TimeProvider.System)
            .Configure<StatusOptions>(o => o.ExpectedRoles = ["uploader"])
            .AddMassTransitTestHarness(bus => bus.AddConsumer<ServerStatusReportedConsumer>())
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var messageId = Guid.NewGuid();
        var report = new ServerStatusReported
        {
            RequestId = Guid.NewGuid(),
            Cluster = new ClusterRef { Id = "uid-1", Name = "dev-a" },
            Service = "uploader",
            Instance = "node-1/42",
            Version = "v0.1.0",
            Plugins = [new PluginInfo("velero.io/fs", "ObjectStore")],
            ReportedAt = DateTimeOffset.UtcNow,
        };

        await harness.Bus.Publish(report, context => context.MessageId = messageId);
        await harness.Bus.Publish(report, context => context.MessageId = messageId);

        // Both deliveries are consumed (the harness lists one, as it keys what it saw by message id).
        await harness.InactivityTask;
        Assert.True(await harness.GetConsumerHarness<ServerStatusReportedConsumer>().Consumed.Any<ServerStatusReported>());
        Assert.Equal(1, await database.ScalarAsync<long>("select count(*) from server_status_replies"));
        Assert.Equal(1, await database.ScalarAsync<long>("select count(*) from outbox_messages"));
        Assert.Equal("Processed", await database.ScalarAsync<string>("select phase from server_status_requests"));
        Assert.True(await database.ScalarAsync<bool>(
            "select plugins = '[{\"name\": \"velero.io/fs\", \"kind\": \"ObjectStore\"}]'::jsonb from service_status"));
        NpgsqlConnection.ClearAllPools();
    }
}
