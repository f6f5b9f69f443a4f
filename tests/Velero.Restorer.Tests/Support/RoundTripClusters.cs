using Velero.Api.V1;
using Velero.ObjectStorage.Locations;
using Velero.Restorer.Engine;

namespace Velero.Restorer.Tests.Support;

/// <summary>
/// A source cluster (optionally seeded with a manifest directory), an empty target cluster and a filesystem backup
/// location: back the source up, restore into the target (or the source), compare.
/// </summary>
public sealed class RoundTripClusters : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();

    private RoundTripClusters(KubeEmulator.KubeEmulator source, KubeEmulator.KubeEmulator target)
    {
        Source = source;
        Target = target;
        SourceClient = Harness.Client(source);
        TargetClient = Harness.Client(target);
        Location = Harness.FileSystemLocation(_directory);
    }

    public KubeEmulator.KubeEmulator Source { get; }

    public KubeEmulator.KubeEmulator Target { get; }

    public k8s.Kubernetes SourceClient { get; }

    public k8s.Kubernetes TargetClient { get; }

    public ObjectStoreLocation Location { get; }

    public static async Task<RoundTripClusters> StartAsync(string? seedDirectory = null)
    {
        var source = await Harness.ClusterAsync();
        if (seedDirectory is not null)
        {
            ManifestSeeder.SeedDirectory(source, seedDirectory);
        }

        var target = await Harness.ClusterAsync();
        return new RoundTripClusters(source, target);
    }

    public Task<Backup> BackUpAsync(string name, Action<BackupSpec>? configure = null) =>
        Harness.BackUpAsync(SourceClient, Location, name, configure);

    /// <summary>Restores into the target (or, <paramref name="intoSource"/>, back into the source); the outcome and the restore's files.</summary>
    public async Task<(RestoreOutcome Outcome, RestoreFilesContents Files)> RestoreAsync(Backup backup, string name,
        Action<RestoreSpec>? configure = null, bool intoSource = false, RestoreEngine? engine = null)
    {
        var restore = Harness.Restore(name, backup.Metadata.Name, configure);
        var outcome = await Harness.RestoreAsync(intoSource ? SourceClient : TargetClient, Location, backup, restore, engine);
        return (outcome, await RestoreFilesContents.ReadAsync(Location, name));
    }

    /// <summary>
    /// Backs the source up, snapshots both clusters, restores into the target and snapshots it again: original, the
    /// target before, the target after.
    /// </summary>
    public async Task<RoundTrip> RunAsync(string name, Action<RestoreSpec>? configure = null, Action<BackupSpec>? backupSpec = null)
    {
        var original = await ClusterSnapshot.TakeAsync(SourceClient);
        var backup = await BackUpAsync(name, backupSpec);
        var before = await ClusterSnapshot.TakeAsync(TargetClient);
        var (outcome, files) = await RestoreAsync(backup, $"{name}-restore", configure);
        return new RoundTrip(original, before, await ClusterSnapshot.TakeAsync(TargetClient), outcome, files);
    }

    public async ValueTask DisposeAsync()
    {
        SourceClient.Dispose();
        TargetClient.Dispose();
        Location.Dispose();
        await Source.DisposeAsync();
        await Target.DisposeAsync();
        _directory.Dispose();
    }
}
