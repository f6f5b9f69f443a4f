using Velero.Api.V1;
using Velero.Integration.Tests.Restores;
using Velero.Integration.Tests.Support;
using Velero.Kubernetes.Resources;
using Velero.Testing;

namespace Velero.Integration.Tests.Requests;

/// <summary>
/// The platform as an outside system meets it: <c>velero server</c> (every role) serving the emulated cluster
/// <c>dev-a</c>, whose default location is on the real Ceph S3 server, with the real broker and its own database; and a
/// subscriber of the platform's events on the broker.
/// </summary>
public sealed class RequestStackFixture : IAsyncLifetime
{
    public MigrationFixture Clusters { get; } = new();

    public TestDatabase Database { get; private set; } = null!;

    public ServiceProcess Server { get; private set; } = null!;

    internal PlatformEvents Events { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Clusters.InitializeAsync();
        Database = await TestDatabase.CreateAsync();
        Server = ServiceProcess.Start("velero.dll", Services.Environment(Database, new Dictionary<string, string?>
        {
            ["Clusters__Kubeconfig"] = Clusters.Kubeconfig,
            ["Clusters__Contexts__0"] = "dev-a",
            // A backup or restore this small moves within a second: report progress at every interval.
            ["Snapshotter__Backups__HeartbeatInterval"] = "00:00:01",
            ["Restorer__Restores__HeartbeatInterval"] = "00:00:01",
        }), "server");
        await Server.WaitReadyAsync(Services.ReadyTimeout);
        var locations = new CustomResourceClient<BackupStorageLocation>(Clusters.ClientA);
        await Eventually.WaitAsync(async () => (await locations.GetAsync("velero", "default"))?.Status?.Phase == BackupStorageLocationPhase.Available,
            TimeSpan.FromSeconds(30), "the default location did not become Available");
        Events = await PlatformEvents.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Events.DisposeAsync();
        await Server.DisposeAsync();
        await Database.DisposeAsync();
        await Clusters.DisposeAsync();
    }
}
