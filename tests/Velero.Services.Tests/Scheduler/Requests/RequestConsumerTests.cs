using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Contracts.Requests;
using Velero.Kubernetes.Clusters;
using Velero.Scheduler.Requests;
using Velero.ServiceDefaults.Messaging;

namespace Velero.Services.Tests.Scheduler.Requests;

/// <summary>
/// The request consumers' decisions that need no database or cluster: every request refused before anything is looked
/// up is answered with a failure event that echoes its request id, correlation id and cluster and says why.
/// </summary>
public sealed class RequestConsumerTests : IAsyncLifetime
{
    private static readonly Guid RequestId = Guid.NewGuid();
    private readonly string _kubeconfig = Path.Combine(Path.GetTempPath(), $"requests-{Guid.NewGuid():N}.kubeconfig");
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;

    public Task InitializeAsync()
    {
        // One served cluster, dev-a, that has not been reached (nothing listens on port 1).
        File.WriteAllText(_kubeconfig, """
            apiVersion: v1
            kind: Config
            clusters: [{name: dev-a, cluster: {server: "https://127.0.0.1:1"}}]
            users: [{name: dev-a, user: {token: t}}]
            contexts: [{name: dev-a, context: {cluster: dev-a, user: dev-a}}]
            current-context: dev-a
            """);
        return StartAsync(retryLimit: 0);
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        File.Delete(_kubeconfig);
    }

    [Fact]
    public async Task A_backup_request_for_a_cluster_the_platform_does_not_serve_gets_a_failure_event_with_the_reason()
    {
        var failed = await RefusedAsync<BackupRequestFailed>(Backup() with { Cluster = "prod-9" });

        Assert.Equal(RequestId, failed.RequestId);
        Assert.Equal("order-42", failed.CorrelationId);
        Assert.Equal("prod-9", failed.Cluster);
        Assert.Equal("cluster \"prod-9\" is not served by this platform (served: dev-a)", failed.Reason);
    }

    [Fact]
    public async Task A_backup_request_with_a_misspelt_spec_field_is_refused_instead_of_backing_up_everything()
    {
        var failed = await RefusedAsync<BackupRequestFailed>(Backup() with { Spec = Json("""{"includeNamespaces":["shop"]}""") });

        Assert.Equal("spec has fields that are not part of a velero.io/v1 BackupSpec: spec.includeNamespaces", failed.Reason);
    }

    [Theory]
    [InlineData("""{"includedNamespaces":["shop"]}""", "nightly", "invalid Backup request: give spec or schedule, not both")]
    [InlineData(null, null, "invalid Backup request: spec or schedule is required ({} backs up the whole cluster)")]
    public async Task A_backup_request_gives_exactly_one_of_spec_and_schedule(string? spec, string? schedule, string reason)
    {
        var failed = await RefusedAsync<BackupRequestFailed>(Backup() with
        {
            Spec = spec is null ? null : Json(spec),
            Schedule = schedule,
        });

        Assert.Equal(reason, failed.Reason);
    }

    [Fact]
    public async Task A_request_without_correlation_id_is_still_answered()
    {
        var failed = await RefusedAsync<BackupRequestFailed>(Backup() with { CorrelationId = null! });

        Assert.Equal("", failed.CorrelationId);
        Assert.Equal("invalid Backup request: correlationId is required", failed.Reason);
    }

    [Fact]
    public async Task A_restore_request_without_spec_gets_a_failure_event_with_the_reason()
    {
        var failed = await RefusedAsync<RestoreRequestFailed>(new RequestRestore
        {
            RequestId = RequestId,
            CorrelationId = "ticket-7",
            Cluster = "dev-a",
        });

        Assert.Equal(RequestId, failed.RequestId);
        Assert.Equal("ticket-7", failed.CorrelationId);
        Assert.Equal("spec must be a velero.io/v1 RestoreSpec object, got nothing", failed.Reason);
    }

    [Fact]
    public async Task A_request_for_a_served_cluster_still_unreachable_on_its_last_delivery_is_refused_with_why()
    {
        var failed = await RefusedAsync<RestoreRequestFailed>(new RequestRestore
        {
            RequestId = RequestId,
            CorrelationId = "ticket-7",
            Cluster = "dev-a",
            Spec = Json("""{"backupName":"shop-1"}"""),
        });

        Assert.Equal("cluster \"dev-a\" is not reachable: not reached yet", failed.Reason);
    }

    [Fact]
    public async Task A_request_for_a_served_cluster_not_reached_yet_is_retried_rather_than_refused()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        await StartAsync(retryLimit: 5);

        await _harness.Bus.Publish(Backup());

        Assert.True(await _harness.Published.Any<Fault<RequestBackup>>());
        Assert.False(await _harness.Published.Any<BackupRequestFailed>());
    }

    private async Task<T> RefusedAsync<T>(object request)
        where T : class
    {
        await _harness.Bus.Publish(request);
        Assert.True(await _harness.Published.Any<T>(), $"no {typeof(T).Name} was published");
        Assert.False(await _harness.Published.Any<BackupRequestAccepted>());
        Assert.False(await _harness.Published.Any<RestoreRequestAccepted>());
        return _harness.Published.Select<T>().Single().Context.Message;
    }

    private async Task StartAsync(int retryLimit)
    {
        _provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            // Never opened: every request here is decided before the database.
            .AddSingleton(NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=none;Username=none"))
            .AddSingleton(new ClusterRegistry(Options.Create(new ClusterOptions { Kubeconfig = _kubeconfig }), TimeProvider.System,
                NullLogger<ClusterRegistry>.Instance))
            .Configure<BusOptions>(o => o.RetryLimit = retryLimit)
            .Configure<VeleroNamespaceOptions>(_ => { })
            .AddSingleton<RequestProcessor>()
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddConsumer<RequestBackupConsumer>();
                bus.AddConsumer<RequestRestoreConsumer>();
            })
            .BuildServiceProvider(true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    private static RequestBackup Backup() => new()
    {
        RequestId = RequestId,
        CorrelationId = "order-42",
        Cluster = "dev-a",
        Spec = Json("""{"includedNamespaces":["shop"]}"""),
    };

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
