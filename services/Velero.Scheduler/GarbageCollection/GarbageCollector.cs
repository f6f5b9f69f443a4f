using System.Net;
using System.Text.Json.Nodes;
using k8s.Autorest;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Api;
using Velero.Api.V1;
using Velero.Contracts.Clusters;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Resources;
using Velero.Scheduler.Flow;

namespace Velero.Scheduler.GarbageCollection;

/// <summary>
/// TTL expiry (spec 7.1): every pass, each expired Backup of each cluster gets a DeleteBackupRequest, unless one is
/// pending or its location forbids it, which the <c>velero.io/gc-failure</c> label then says. The deletion itself is
/// the deletion controller's.
/// </summary>
internal sealed class GarbageCollector(
    ClusterRegistry clusters,
    NpgsqlDataSource dataSource,
    IOptions<VeleroNamespaceOptions> velero,
    IOptions<GarbageCollectionOptions> options,
    TimeProvider time,
    ILogger<GarbageCollector> logger) : PeriodicClusterWork(clusters, dataSource, time, logger)
{
    /// <summary>"gcol".</summary>
    internal const int GarbageCollectionLockClass = 0x67636f6c;

    protected override string Activity => "Collecting expired backups";

    protected override int LockClass => GarbageCollectionLockClass;

    protected override TimeSpan Interval => options.Value.Frequency;

    protected override async Task RunAsync(ClusterConnection cluster, ClusterRef identity, NpgsqlConnection connection,
        CancellationToken cancellationToken)
    {
        var ns = velero.Value.Namespace;
        var backups = await new CustomResourceClient<Backup>(cluster.Client).ListAsync(ns, cancellationToken: cancellationToken);
        var locations = new Dictionary<string, (BackupStorageLocation? Location, bool Unreadable)>(StringComparer.Ordinal);
        foreach (var backup in backups.Items)
        {
            if (CollectionRules.Decide(backup, Time.GetUtcNow(), null, false).Action == CollectionAction.Keep)
            {
                continue;
            }

            var name = backup.Spec.StorageLocation ?? "";
            if (!locations.TryGetValue(name, out var location))
            {
                location = await ReadLocationAsync(cluster, ns, name, cancellationToken);
                locations[name] = location;
            }

            try
            {
                await CollectAsync(cluster, backup, location.Location, location.Unreadable, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                logger.LogWarning("Collecting expired backup {Cluster}/{Name} failed, trying again in {Interval}: {Reason}",
                    cluster.Name, backup.Metadata.Name, Interval, e.Message);
            }
        }
    }

    private async Task CollectAsync(ClusterConnection cluster, Backup backup, BackupStorageLocation? location, bool unreadable,
        CancellationToken cancellationToken)
    {
        var decision = CollectionRules.Decide(backup, Time.GetUtcNow(), location, unreadable);
        var name = backup.Metadata.Name;
        switch (decision.Action)
        {
            case CollectionAction.Label:
                logger.LogWarning("Backup {Cluster}/{Name} has expired but cannot be garbage-collected: {Failure}",
                    cluster.Name, name, decision.FailureLabel);
                await SetFailureLabelAsync(cluster, backup, decision.FailureLabel, cancellationToken);
                return;
            case CollectionAction.Retry:
                logger.LogInformation("BSL {Location} is unavailable, cannot gc backup {Cluster}/{Name}",
                    backup.Spec.StorageLocation, cluster.Name, name);
                return;
            case CollectionAction.Request:
                break;
            default:
                return;
        }

        await SetFailureLabelAsync(cluster, backup, null, cancellationToken);
        var requests = new CustomResourceClient<DeleteBackupRequest>(cluster.Client);
        var existing = await requests.ListAsync(backup.Metadata.NamespaceProperty,
            DeleteBackupRequests.SelectorFor(name, backup.Metadata.Uid), cancellationToken);
        if (existing.Items.Any(CollectionRules.Pending))
        {
            logger.LogDebug("Backup {Cluster}/{Name} already has a pending deletion request", cluster.Name, name);
            return;
        }

        logger.LogInformation("Backup {Cluster}/{Name} has expired: creating a deletion request", cluster.Name, name);
        await requests.CreateAsync(DeleteBackupRequests.For(backup.Metadata.NamespaceProperty, name, backup.Metadata.Uid),
            cancellationToken);
    }

    /// <summary>Sets the failure label (or removes it, for null), writing only when it changes.</summary>
    private static async Task SetFailureLabelAsync(ClusterConnection cluster, Backup backup, string? value,
        CancellationToken cancellationToken)
    {
        string? current = null;
        backup.Metadata.Labels?.TryGetValue(WellKnown.GcFailureLabel, out current);
        if (current == value)
        {
            return;
        }

        var patch = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { [WellKnown.GcFailureLabel] = value } } };
        try
        {
            await new CustomResourceClient<Backup>(cluster.Client).PatchAsync(backup.Metadata.NamespaceProperty,
                backup.Metadata.Name, patch, cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
        }
    }

    private async Task<(BackupStorageLocation?, bool)> ReadLocationAsync(ClusterConnection cluster, string ns, string name,
        CancellationToken cancellationToken)
    {
        try
        {
            return (await new CustomResourceClient<BackupStorageLocation>(cluster.Client).GetAsync(ns, name, cancellationToken), false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            logger.LogWarning("Reading backup storage location {Cluster}/{Location} failed: {Reason}", cluster.Name, name, e.Message);
            return (null, true);
        }
    }
}
