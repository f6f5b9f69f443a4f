using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Api;
using Velero.Api.V1;
using Velero.BackupFormat.Layout;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Locations;
using Velero.Kubernetes.Resources;
using Velero.ObjectStorage;
using Velero.ObjectStorage.Locations;

namespace Velero.Scheduler.Deletion;

/// <summary>
/// One DeleteBackupRequest, processed as upstream's backup deletion controller does (spec 7.2), in its order and
/// words: rejections end the request Processed with the reason; otherwise the backup goes Deleting (resource and
/// record), its snapshots, files, restores and resource are deleted, and the request ends Processed with the errors
/// met. On errors the backup stays Deleting and the request says why. Every step can run again: a request left in
/// progress is processed once more from the start. The caller holds the cluster's deletion lock.
/// </summary>
internal sealed class DeleteBackupRequestProcessor(
    NpgsqlDataSource dataSource,
    ObjectStoreFactory stores,
    IOptions<DeletionOptions> options,
    TimeProvider time,
    ILogger<DeleteBackupRequestProcessor> logger)
{
    public async Task ProcessAsync(ClusterConnection cluster, string clusterId, DeleteBackupRequest request,
        CancellationToken cancellationToken)
    {
        var requests = new CustomResourceClient<DeleteBackupRequest>(cluster.Client);
        var ns = request.Metadata.NamespaceProperty;
        var triage = DeletionRules.Triage(request, time.GetUtcNow());
        switch (triage)
        {
            case RequestTriage.Skip:
                return;
            case RequestTriage.Expire:
                logger.LogDebug("Deleting expired DeleteBackupRequest {Cluster}/{Name}", cluster.Name, request.Metadata.Name);
                await requests.DeleteAsync(ns, request.Metadata.Name, cancellationToken);
                return;
        }

        var name = request.Spec.BackupName ?? "";
        if (name.Length == 0)
        {
            await RejectAsync(cluster, clusterId, request, null, "spec.backupName is required", cancellationToken);
            return;
        }

        await DeleteOtherRequestsAsync(requests, request, name, cancellationToken);

        var backups = new CustomResourceClient<Backup>(cluster.Client);
        var backup = await backups.GetAsync(ns, name, cancellationToken);
        if (backup is null)
        {
            if (triage == RequestTriage.Resume)
            {
                // The resource goes last, so a request in progress whose backup is gone had deleted everything else.
                if (NullIfEmpty(Label(request, WellKnown.BackupUidLabel)) is { } uid)
                {
                    await DeletionStore.MarkDeletedAsync(dataSource, uid, time.GetUtcNow(), cancellationToken);
                }

                await FinishAsync(cluster, clusterId, request, null, [], cancellationToken);
                return;
            }

            await RejectAsync(cluster, clusterId, request, null, "backup not found", cancellationToken);
            return;
        }

        var recordPhase = await DeletionStore.ReadPhaseAsync(dataSource, backup.Metadata.Uid, cancellationToken);
        if (DeletionRules.InProgress(backup.Status?.Phase, recordPhase))
        {
            await RejectAsync(cluster, clusterId, request, backup, "backup is still in progress", cancellationToken);
            return;
        }

        var locationName = backup.Spec.StorageLocation ?? "";
        var bsl = await new CustomResourceClient<BackupStorageLocation>(cluster.Client).GetAsync(ns, locationName, cancellationToken);
        if (DeletionRules.LocationRejection(locationName, bsl) is { } rejection)
        {
            await RejectAsync(cluster, clusterId, request, backup, rejection, cancellationToken);
            return;
        }

        await StartAsync(cluster, clusterId, requests, request, backup, cancellationToken);
        try
        {
            await backups.PatchAsync(ns, name, new JsonObject { ["status"] = new JsonObject { ["phase"] = BackupPhase.Deleting } },
                cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            await FinishAsync(cluster, clusterId, request, null, [$"error setting backup phase to deleting: {e.Message}"],
                cancellationToken);
            return;
        }

        var expired = DeletionRules.Expired(backup, time.GetUtcNow());
        await DeletionStore.MarkDeletingAsync(dataSource, backup.Metadata.Uid,
            $"{(expired ? "expired, " : "")}DeleteBackupRequest {request.Metadata.Name}", time.GetUtcNow(), cancellationToken);

        var (location, openError) = await StorageLocationOpener.OpenAsync(cluster.Client, stores, ns, locationName, cancellationToken);
        if (location is null)
        {
            await FinishAsync(cluster, clusterId, request, null, [$"error getting the backup store: {openError}"], cancellationToken);
            return;
        }

        using (location)
        {
            List<string> errors;
            try
            {
                errors = await DeleteAsync(cluster, location, backup, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                // Shown on the request rather than retried unseen: the backup stays Deleting with this reason.
                errors = [$"error deleting backup {name}: {MessageSanitizer.Sanitize(e.Message)}"];
            }

            if (errors.Count == 0)
            {
                await backups.DeleteAsync(ns, name, cancellationToken);
                await DeletionStore.MarkDeletedAsync(dataSource, backup.Metadata.Uid, time.GetUtcNow(), cancellationToken);
            }

            await FinishAsync(cluster, clusterId, request, backup, errors, cancellationToken);
        }
    }

    /// <summary>Snapshots, then (only without errors) the backup's files, then its restores and their files.</summary>
    private async Task<List<string>> DeleteAsync(ClusterConnection cluster, ObjectStoreLocation location, Backup backup,
        CancellationToken cancellationToken)
    {
        var name = backup.Metadata.Name;
        var errors = await SnapshotCleanup.RunAsync(cluster, location, backup, cancellationToken);
        if (errors.Count == 0)
        {
            try
            {
                var deleted = await ObjectFolders.DeleteAsync(location, BackupLayout.BackupPrefix(name), options.Value.DeleteParallelism,
                    cancellationToken);
                logger.LogInformation("Removed backup {Cluster}/{Name} from backup storage ({Objects} objects)", cluster.Name, name, deleted);
            }
            catch (ObjectStorageException e)
            {
                errors.Add($"error deleting backup {name} from backup storage: {MessageSanitizer.Sanitize(e.Message)}");
            }
        }
        else
        {
            logger.LogInformation("Skipping removal of backup {Cluster}/{Name} from backup storage due to previous errors", cluster.Name, name);
        }

        var restores = new CustomResourceClient<Restore>(cluster.Client);
        var ns = backup.Metadata.NamespaceProperty;
        foreach (var restore in (await restores.ListAsync(ns, cancellationToken: cancellationToken)).Items
                     .Where(r => r.Spec.BackupName == name))
        {
            try
            {
                // What the Restore's finalizer would do, done here so the backup's deletion does not wait on it.
                await ObjectFolders.DeleteAsync(location, BackupLayout.RestorePrefix(restore.Metadata.Name),
                    options.Value.DeleteParallelism, cancellationToken);
                await restores.DeleteAsync(ns, restore.Metadata.Name, cancellationToken);
                if (await restores.GetAsync(ns, restore.Metadata.Name, cancellationToken) is { } terminating
                    && RestoreCleanup.HasFinalizer(terminating))
                {
                    await RestoreCleanup.ReleaseAsync(cluster, terminating, cancellationToken);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                errors.Add($"error deleting restore {ns}/{restore.Metadata.Name}: {MessageSanitizer.Sanitize(e.Message)}");
            }
        }

        return errors;
    }

    /// <summary>Upstream's <c>deleteExistingDeletionRequests</c>: every other request for a backup of this name goes.</summary>
    private async Task DeleteOtherRequestsAsync(CustomResourceClient<DeleteBackupRequest> requests, DeleteBackupRequest request,
        string backupName, CancellationToken cancellationToken)
    {
        var ns = request.Metadata.NamespaceProperty;
        var others = await requests.ListAsync(ns, $"{WellKnown.BackupNameLabel}={LabelValues.GetValidName(backupName)}", cancellationToken);
        foreach (var other in others.Items.Where(o => o.Metadata.Name != request.Metadata.Name))
        {
            await requests.DeleteAsync(ns, other.Metadata.Name, cancellationToken);
            logger.LogInformation("deletion request '{Name}' removed.", other.Metadata.Name);
        }
    }

    /// <summary>DBR → InProgress with its labels ensured, and the attempt recorded.</summary>
    private async Task StartAsync(ClusterConnection cluster, string clusterId, CustomResourceClient<DeleteBackupRequest> requests,
        DeleteBackupRequest request, Backup backup, CancellationToken cancellationToken)
    {
        var labels = new JsonObject();
        if (!(request.Metadata.Labels?.TryGetValue(WellKnown.BackupNameLabel, out var nameLabel) is true && nameLabel.Length > 0))
        {
            labels[WellKnown.BackupNameLabel] = LabelValues.GetValidName(backup.Metadata.Name);
        }

        if (!(request.Metadata.Labels?.TryGetValue(WellKnown.BackupUidLabel, out var uidLabel) is true && uidLabel.Length > 0))
        {
            labels[WellKnown.BackupUidLabel] = backup.Metadata.Uid;
        }

        await requests.PatchAsync(request.Metadata.NamespaceProperty, request.Metadata.Name, new JsonObject
        {
            ["metadata"] = new JsonObject { ["labels"] = labels },
            ["status"] = new JsonObject { ["phase"] = DeleteBackupRequestPhase.InProgress },
        }, cancellationToken);
        await DeletionStore.StartAttemptAsync(dataSource, Attempt(clusterId, request, backup), cancellationToken);
        logger.LogInformation("Deleting backup {Cluster}/{Name} for DeleteBackupRequest {Request}", cluster.Name,
            backup.Metadata.Name, request.Metadata.Name);
    }

    /// <summary>Upstream's <c>patchDeleteBackupRequestWithError</c>: Processed with the one reason.</summary>
    private async Task RejectAsync(ClusterConnection cluster, string clusterId, DeleteBackupRequest request, Backup? backup,
        string reason, CancellationToken cancellationToken)
    {
        logger.LogInformation("DeleteBackupRequest {Cluster}/{Name} rejected: {Reason}", cluster.Name, request.Metadata.Name, reason);
        await DeletionStore.StartAttemptAsync(dataSource, Attempt(clusterId, request, backup), cancellationToken);
        await FinishAsync(cluster, clusterId, request, null, [reason], cancellationToken);
    }

    /// <summary>
    /// DBR → Processed with the errors; after a deletion without errors (<paramref name="deleted"/> set), every request
    /// for the backup (name and uid) goes, as upstream's <c>DeleteAllOf</c>.
    /// </summary>
    private async Task FinishAsync(ClusterConnection cluster, string clusterId, DeleteBackupRequest request, Backup? deleted,
        List<string> errors, CancellationToken cancellationToken)
    {
        var requests = new CustomResourceClient<DeleteBackupRequest>(cluster.Client);
        var ns = request.Metadata.NamespaceProperty;
        await requests.PatchAsync(ns, request.Metadata.Name, new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["phase"] = DeleteBackupRequestPhase.Processed,
                ["errors"] = new JsonArray([.. errors.Select(e => JsonValue.Create(e))]),
            },
        }, cancellationToken);
        await DeletionStore.StartAttemptAsync(dataSource, Attempt(clusterId, request, deleted), cancellationToken);
        await DeletionStore.FinishAttemptAsync(dataSource, request.Metadata.Uid, errors, time.GetUtcNow(), cancellationToken);
        if (errors.Count > 0)
        {
            logger.LogWarning("Deleting backup {Cluster}/{Name} failed, it stays Deleting: {Errors}", cluster.Name,
                request.Spec.BackupName, string.Join("; ", errors));
            return;
        }

        var uid = deleted?.Metadata.Uid ?? Label(request, WellKnown.BackupUidLabel);
        foreach (var done in (await requests.ListAsync(ns, DeleteBackupRequests.SelectorFor(request.Spec.BackupName!, uid),
                     cancellationToken)).Items)
        {
            await requests.DeleteAsync(ns, done.Metadata.Name, cancellationToken);
        }

        logger.LogInformation("Backup {Cluster}/{Name} deleted", cluster.Name, request.Spec.BackupName);
    }

    private DeletionAttempt Attempt(string clusterId, DeleteBackupRequest request, Backup? backup)
    {
        var requestedAt = request.Metadata.CreationTimestamp is { } at
            ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))
            : time.GetUtcNow();
        return new DeletionAttempt(backup?.Metadata.Uid ?? NullIfEmpty(Label(request, WellKnown.BackupUidLabel)), clusterId,
            request.Metadata.NamespaceProperty, request.Spec.BackupName ?? "", request.Metadata.Name, request.Metadata.Uid,
            requestedAt, DeletionRules.Expired(backup, time.GetUtcNow()), time.GetUtcNow());
    }

    private static string Label(DeleteBackupRequest request, string label) =>
        request.Metadata.Labels?.TryGetValue(label, out var value) is true ? value : "";

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
