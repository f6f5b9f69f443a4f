using Microsoft.Extensions.Options;
using Velero.Api;
using Velero.Api.V1;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Resources;
using Velero.Kubernetes.Locations;
using Velero.ObjectStorage;
using Velero.ObjectStorage.Locations;

namespace Velero.Scheduler.Locations;

/// <summary>
/// Upstream's BSL validation controller (spec 7.4): every location of every cluster served is checked at its
/// validation frequency (sooner when its spec changes) and gets phase <c>Available</c> or <c>Unavailable</c> with
/// a sanitized message and <c>lastValidationTime</c>. An unreachable location never stops a service: it is
/// reported here, where users look.
/// </summary>
internal sealed class StorageLocationValidator(
    ClusterRegistry clusters,
    IOptions<VeleroNamespaceOptions> velero,
    IOptions<StorageLocationOptions> options,
    ObjectStoreFactory stores,
    TimeProvider time,
    ILogger<StorageLocationValidator> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    // What each location looked like when last validated, by uid: a changed spec is validated at once.
    private readonly Dictionary<string, (long Generation, DateTimeOffset At)> _validated = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var cluster in clusters.Clusters.Where(c => c.State == ClusterState.Available))
            {
                try
                {
                    await ValidateDueAsync(cluster, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not OutOfMemoryException)
                {
                    logger.LogWarning("Validating the storage locations of cluster {Cluster} failed: {Reason}", cluster.Name, e.Message);
                }
            }
        }
    }

    private async Task ValidateDueAsync(ClusterConnection cluster, CancellationToken cancellationToken)
    {
        var locations = new CustomResourceClient<BackupStorageLocation>(cluster.Client);
        var list = await locations.ListAsync(velero.Value.Namespace, cancellationToken: cancellationToken);
        foreach (var extra in SingleDefaultLocation.ToUnset([.. list.Items]))
        {
            await locations.PatchAsync(extra.Metadata.NamespaceProperty, extra.Metadata.Name, new { spec = new { @default = false } },
                cancellationToken);
            logger.LogInformation("Backup storage location {Cluster}/{Location} is no longer the default: a newer location is",
                cluster.Name, extra.Metadata.Name);
        }

        foreach (var location in list.Items.Where(IsDue))
        {
            var result = await ValidateAsync(cluster, location, cancellationToken);
            await locations.PatchStatusAsync(location.Metadata.NamespaceProperty, location.Metadata.Name, new BackupStorageLocationStatus
            {
                Phase = result.IsAvailable ? BackupStorageLocationPhase.Available : BackupStorageLocationPhase.Unavailable,
                Message = result.Message,
                LastValidationTime = time.GetUtcNow().UtcDateTime,
            }, cancellationToken);
            _validated[location.Metadata.Uid] = (location.Metadata.Generation ?? 0, time.GetUtcNow());
            if (!result.IsAvailable)
            {
                logger.LogInformation("Backup storage location {Cluster}/{Location} is unavailable: {Reason}", cluster.Name,
                    location.Metadata.Name, result.Message);
            }
        }
    }

    private bool IsDue(BackupStorageLocation location)
    {
        var frequency = location.Spec.ValidationFrequency is { Length: > 0 } configured && GoDuration.TryParse(configured, out var parsed)
            ? parsed
            : options.Value.ValidationFrequency;
        if (!_validated.TryGetValue(location.Metadata.Uid, out var last))
        {
            return true;
        }

        if (last.Generation != (location.Metadata.Generation ?? 0))
        {
            return true;
        }

        // A frequency of zero turns periodic validation off, as upstream.
        return frequency > TimeSpan.Zero && time.GetUtcNow() - last.At >= frequency;
    }

    private async Task<StorageLocationValidation> ValidateAsync(ClusterConnection cluster, BackupStorageLocation location,
        CancellationToken cancellationToken)
    {
        try
        {
            var config = await LocationConfigReader.ReadAsync(cluster.Client, location, cancellationToken,
                options.Value.DefaultCredentialsSecret, options.Value.DefaultCredentialsKey);
            using var store = stores.Create(config);
            return await store.ValidateAsync(cancellationToken);
        }
        catch (Exception e) when (e is LocationConfigException or ObjectStorageException or ArgumentException)
        {
            return new StorageLocationValidation(StorageLocationPhase.Unavailable,
                $"BackupStorageLocation \"{location.Metadata.Name}\" is unavailable: {MessageSanitizer.Sanitize(e.Message)}");
        }
    }
}
