using k8s;
using k8s.Models;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Velero.Api.V1;
using Velero.BackupFormat.Files;
using Velero.BackupFormat.Layout;
using Velero.Contracts.Clusters;
using Velero.Contracts.Restores;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Install;
using Velero.Kubernetes.Locations;
using Velero.Kubernetes.Resources;
using Velero.KubeEmulator;
using Velero.ObjectStorage;
using Velero.Restorer.Engine;
using Velero.Restorer.Messaging;

namespace Velero.Restorer.Tests.Messaging;

/// <summary>
/// The restorer's consumer on an emulated cluster with a filesystem location and an engine stand-in: what it runs, what
/// it drops, and what it reports.
/// </summary>
public sealed class RunRestoreConsumerTests : IAsyncLifetime
{
    private const string Ns = "velero";

    private readonly string _kubeconfig = Path.Combine(Path.GetTempPath(), $"velero-restorer-{Guid.NewGuid():N}.kubeconfig");
    private readonly string _storage = Path.Combine(Path.GetTempPath(), $"velero-restorer-{Guid.NewGuid():N}");
    private readonly StandInEngine _engine = new();
    private KubeEmulator.KubeEmulator _emulator = null!;
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;
    private ClusterRef _cluster = null!;

    private k8s.Kubernetes Client { get; set; } = null!;

    public async Task InitializeAsync()
    {
        _emulator = await KubeEmulator.KubeEmulator.StartAsync(new EmulatorOptions { ContextName = "restore", KubeconfigPath = _kubeconfig });
        Client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(_kubeconfig, currentContext: "restore"));
        await VeleroCrdInstaller.ApplyAsync(Client, Ns, TimeSpan.FromSeconds(30));
        Directory.CreateDirectory(Path.Combine(_storage, "velero"));
        await new CustomResourceClient<BackupStorageLocation>(Client).CreateAsync(new BackupStorageLocation
        {
            Metadata = new V1ObjectMeta { Name = "default", NamespaceProperty = Ns },
            Spec = new BackupStorageLocationSpec
            {
                Provider = "velero.io/fs",
                ObjectStorage = new ObjectStorageLocation { Bucket = "velero" },
                Config = new Dictionary<string, string> { ["path"] = _storage },
            },
        });
        await new CustomResourceClient<Backup>(Client).CreateAsync(new Backup
        {
            Metadata = new V1ObjectMeta { Name = "b1", NamespaceProperty = Ns },
            Spec = new BackupSpec { StorageLocation = "default" },
            Status = new BackupStatus { Phase = BackupPhase.Completed },
        });

        _provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IOptions<ClusterOptions>>(Options.Create(new ClusterOptions { Kubeconfig = _kubeconfig, Contexts = ["restore"] }))
            .AddSingleton<ClusterRegistry>()
            .AddSingleton(new ObjectStoreFactory(TimeProvider.System))
            .AddSingleton<IRestoreRunner>(_engine)
            .AddSingleton<IOptions<RestorerRestoreOptions>>(Options.Create(new RestorerRestoreOptions()))
            .AddMassTransitTestHarness(bus => bus.AddConsumer<RunRestoreConsumer, RunRestoreConsumerDefinition>())
            .BuildServiceProvider(true);
        var clusters = _provider.GetRequiredService<ClusterRegistry>();
        await clusters.RefreshAsync(CancellationToken.None);
        _cluster = clusters.Clusters[0].Identity ?? throw new InvalidOperationException("the emulated cluster was not reached");
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    [Fact]
    public async Task A_running_restore_is_run_once_with_its_progress_and_outcome_reported()
    {
        var target = await CreateRestoreAsync("r-ok", RestorePhase.InProgress);
        _engine.Outcome = Outcome(RestorePhase.PartiallyFailed, errors: 2);

        await _harness.Bus.Publish(Command(target));

        var completed = await PublishedAsync<RestoreCompleted>(m => m.Restore.Uid == target.Uid);
        Assert.Equal(RestorePhase.PartiallyFailed, completed.Phase);
        Assert.Equal(1, completed.Attempt);
        Assert.Equal(10, completed.TotalItems);
        Assert.Equal(9, completed.ItemsRestored);
        Assert.Equal(2, completed.Errors);
        Assert.Equal(3, completed.HooksAttempted);
        Assert.Single(_engine.Requests);
        Assert.Equal("b1", _engine.Requests[0].Backup.Metadata.Name);
        Assert.Equal("r-ok", _engine.Requests[0].Restore.Metadata.Name);
        // The first progress report goes out as soon as the restore is taken: the scheduler's heartbeat.
        Assert.True(await _harness.Published.Any<RestoreProgressed>(m => m.Context.Message.Restore.Uid == target.Uid));
    }

    [Fact]
    public async Task A_failed_outcome_is_reported_with_its_reason_and_counts()
    {
        var target = await CreateRestoreAsync("r-failed", RestorePhase.InProgress);
        _engine.Outcome = Outcome(RestorePhase.Failed, errors: 1) with { FailureReason = "error reading backup tarball: unexpected EOF" };

        await _harness.Bus.Publish(Command(target));

        var failed = await PublishedAsync<RestoreFailed>(m => m.Restore.Uid == target.Uid);
        Assert.Equal(RestorePhase.Failed, failed.Phase);
        Assert.Equal("error reading backup tarball: unexpected EOF", failed.FailureReason);
        Assert.Equal(9, failed.ItemsRestored);
        Assert.Equal(1, failed.Errors);
        Assert.Equal(1, failed.Attempt);
    }

    [Theory]
    [InlineData(RestorePhase.Completed, false)]
    [InlineData(RestorePhase.Failed, false)]
    [InlineData(RestorePhase.InProgress, true)]
    public async Task A_command_for_a_restore_that_ended_or_was_replaced_is_dropped(string phase, bool otherUid)
    {
        var target = await CreateRestoreAsync($"r-drop-{phase.ToLowerInvariant()}", phase);
        var command = Command(otherUid ? target with { Uid = Guid.NewGuid().ToString() } : target);

        await _harness.Bus.Publish(command);

        Assert.True(await _harness.Consumed.Any<RunRestore>(m => m.Context.Message.Restore.Uid == command.Restore.Uid));
        Assert.Empty(_engine.Requests);
        Assert.False(await _harness.Published.Any<RestoreCompleted>(m => m.Context.Message.Restore.Uid == command.Restore.Uid));
        Assert.False(await _harness.Published.Any<RestoreFailed>(m => m.Context.Message.Restore.Uid == command.Restore.Uid));
    }

    [Fact]
    public async Task A_command_runs_while_the_resource_still_reads_New_because_its_mirror_can_lag_the_database()
    {
        var target = await CreateRestoreAsync("r-lagging", RestorePhase.New);

        await _harness.Bus.Publish(Command(target));

        Assert.True(await _harness.Consumed.Any<RunRestore>(m => m.Context.Message.Restore.Uid == target.Uid));
        Assert.Contains(_engine.Requests, r => r.Restore.Metadata.Name == "r-lagging");
    }

    [Fact]
    public async Task A_redelivery_after_the_restores_files_were_written_reports_them_and_restores_nothing()
    {
        var target = await CreateRestoreAsync("r-done", RestorePhase.InProgress);
        var results = new BackupResults();
        results.Warnings.AddNamespace("shop", "could not restore, ConfigMap \"x\" already exists");
        results.Errors.AddVelero("error restoring pods/shop/web");
        await PutAsync(BackupLayout.RestoreResults("r-done"), results);
        await PutAsync(BackupLayout.RestoreResourceList("r-done"), new Dictionary<string, List<string>>
        {
            ["v1/ConfigMap"] = ["shop/x(skipped)", "shop/y(created)"],
            ["v1/Pod"] = ["shop/web(failed)"],
            ["v1/Namespace"] = ["shop(updated)"],
        });

        await _harness.Bus.Publish(Command(target));

        var completed = await PublishedAsync<RestoreCompleted>(m => m.Restore.Uid == target.Uid);
        Assert.Equal(RestorePhase.PartiallyFailed, completed.Phase);
        Assert.Equal(4, completed.TotalItems);
        Assert.Equal(2, completed.ItemsRestored);
        Assert.Equal(1, completed.Warnings);
        Assert.Equal(1, completed.Errors);
        Assert.Empty(_engine.Requests);
    }

    [Fact]
    public async Task A_missing_backup_fails_the_restore_with_upstreams_words()
    {
        var target = await CreateRestoreAsync("r-nobackup", RestorePhase.InProgress);

        await _harness.Bus.Publish(Command(target) with { BackupName = "gone" });

        var failed = await PublishedAsync<RestoreFailed>(m => m.Restore.Uid == target.Uid);
        Assert.Equal("error getting backup: backups.velero.io \"gone\" not found", failed.FailureReason);
        Assert.Empty(_engine.Requests);
    }

    private async Task<RestoreRef> CreateRestoreAsync(string name, string phase)
    {
        var restore = await new CustomResourceClient<Restore>(Client).CreateAsync(new Restore
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns },
            Spec = new RestoreSpec { BackupName = "b1" },
            Status = new RestoreStatus { Phase = phase, StartTimestamp = DateTime.UtcNow.AddSeconds(-1) },
        });
        return new RestoreRef { Cluster = _cluster, Namespace = Ns, Name = name, Uid = restore.Metadata.Uid };
    }

    private static RunRestore Command(RestoreRef target) => new()
    {
        Restore = target,
        BackupName = "b1",
        StorageLocation = "default",
        Attempt = 1,
        RequestedAt = DateTimeOffset.UtcNow,
    };

    private static RestoreOutcome Outcome(string phase, int errors) => new()
    {
        Phase = phase,
        CompletedAt = DateTimeOffset.UtcNow,
        TotalItems = 10,
        ItemsRestored = 9,
        Warnings = 1,
        Errors = errors,
        HooksAttempted = 3,
        HooksFailed = 0,
    };

    private async Task<T> PublishedAsync<T>(Func<T, bool> match)
        where T : class
    {
        Assert.True(await _harness.Published.Any<T>(m => match(m.Context.Message)), $"no {typeof(T).Name} was published");
        return _harness.Published.Select<T>(m => match(m.Context.Message)).First().Context.Message;
    }

    private async Task PutAsync<T>(string key, T document)
    {
        var bsl = await new CustomResourceClient<BackupStorageLocation>(Client).GetAsync(Ns, "default");
        var config = await LocationConfigReader.ReadAsync(Client, bsl!, CancellationToken.None);
        using var location = new ObjectStoreFactory(TimeProvider.System).Create(config);
        using var body = new MemoryStream(await GzipJson.ToBytesAsync(document, new System.Text.Json.JsonSerializerOptions()));
        await location.PutAsync(key, body);
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        Client.Dispose();
        await _emulator.DisposeAsync();
        File.Delete(_kubeconfig);
        Directory.Delete(_storage, recursive: true);
    }

    /// <summary>Records what it is asked to restore, reports some progress, and returns <see cref="Outcome"/>.</summary>
    private sealed class StandInEngine : IRestoreRunner
    {
        public List<RestoreRequest> Requests { get; } = [];

        public RestoreOutcome Outcome { get; set; } = RunRestoreConsumerTests.Outcome(RestorePhase.Completed, 0);

        public Task<RestoreOutcome> RestoreAsync(RestoreRequest request, IProgress<RestoreEngineProgress> progress,
            CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(request);
            }

            progress.Report(new RestoreEngineProgress(10, 5));
            return Task.FromResult(Outcome);
        }
    }
}
