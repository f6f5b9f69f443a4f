using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Api.V1;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Install;
using Velero.Kubernetes.Resources;
using Velero.Integration.Tests.Downloads;
using Velero.KubeEmulator;
using Velero.Scheduler.Persistence;
using Velero.Scheduler.Schedules;
using Velero.Testing;

namespace Velero.Integration.Tests.Schedules;

/// <summary>
/// One emulated cluster with Velero's CRDs, reached as the scheduler reaches it, and a migrated database of its own on
/// the real Postgres server. Each test works in a namespace of its own, so one test's schedules never fire in another's.
/// </summary>
public sealed class ScheduleFixture : IAsyncLifetime
{
    private const string Context = "schedules";

    public string Kubeconfig { get; } = Path.Combine(Path.GetTempPath(), $"velero-schedules-{Guid.NewGuid():N}.kubeconfig");

    public KubeEmulator.KubeEmulator Emulator { get; private set; } = null!;

    public IKubernetes Client { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    internal ClusterRegistry Registry { get; private set; } = null!;

    /// <summary>What the controllers logged: a pass that failed says why here.</summary>
    internal RecordingLogger<ScheduleController> Log { get; } = new();

    public CustomResourceClient<Schedule> Schedules => new(Client);

    public CustomResourceClient<Backup> Backups => new(Client);

    public CustomResourceClient<DeleteBackupRequest> DeleteRequests => new(Client);

    public async Task InitializeAsync()
    {
        Emulator = await KubeEmulator.KubeEmulator.StartAsync(new EmulatorOptions { ContextName = Context, KubeconfigPath = Kubeconfig });
        Client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig, currentContext: Context));
        await VeleroCrdInstaller.ApplyAsync(Client, "velero", TimeSpan.FromSeconds(30));
        Database = await TestDatabase.CreateAsync();
        DataSource = Database.CreateDataSource();
        await new MigrationRunner(DataSource, NullLogger<MigrationRunner>.Instance).RunAsync(CancellationToken.None);
        Registry = new ClusterRegistry(Options.Create(new ClusterOptions { Kubeconfig = Kubeconfig, Contexts = [Context] }),
            TimeProvider.System, NullLogger<ClusterRegistry>.Instance);
        await Registry.RefreshAsync(CancellationToken.None);
        Assert.NotNull(Registry.Clusters[0].Identity);
    }

    /// <summary>The cluster's identity, as the controller records it.</summary>
    public string Cluster() => Registry.Clusters[0].Identity!.Id;

    /// <summary>A namespace of the test's own.</summary>
    public async Task<string> NamespaceAsync()
    {
        var name = $"s-{Guid.NewGuid():N}"[..12];
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }

    /// <summary>A schedule controller serving the namespace, on its own connections, with the test's clock.</summary>
    internal ScheduleController Controller(string @namespace, TimeProvider clock, NpgsqlDataSource? dataSource = null,
        bool skipImmediately = false) =>
        new(Registry, dataSource ?? DataSource, clock, Options.Create(new ScheduleOptions { SkipImmediately = skipImmediately }),
            Options.Create(new VeleroNamespaceOptions { Namespace = @namespace }), Log);

    public Task<Schedule> CreateScheduleAsync(string @namespace, string name, string cron, Action<Schedule>? shape = null)
    {
        var schedule = new Schedule
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace },
            Spec = new ScheduleSpec { Schedule = cron, Template = new BackupSpec { IncludedNamespaces = ["web"] } },
        };
        shape?.Invoke(schedule);
        return Schedules.CreateAsync(schedule);
    }

    public async Task<List<Backup>> BackupsOfAsync(string @namespace, string schedule) =>
        [.. (await Backups.ListAsync(@namespace, $"velero.io/schedule-name={schedule}")).Items.OrderBy(b => b.Metadata.Name, StringComparer.Ordinal)];

    /// <summary>Ends every unfinished backup of the namespace as Completed, started at <paramref name="startedAt"/>.</summary>
    public async Task CompleteAllAsync(string @namespace, DateTimeOffset startedAt)
    {
        foreach (var backup in (await Backups.ListAsync(@namespace)).Items.Where(b => b.Status?.Phase is null))
        {
            await Backups.PatchAsync(@namespace, backup.Metadata.Name, new
            {
                status = new { phase = BackupPhase.Completed, startTimestamp = startedAt.UtcDateTime },
            });
        }
    }

    public async Task DisposeAsync()
    {
        Registry.Dispose();
        Client.Dispose();
        await Emulator.DisposeAsync();
        await DataSource.DisposeAsync();
        await Database.DisposeAsync();
        File.Delete(Kubeconfig);
    }
}
