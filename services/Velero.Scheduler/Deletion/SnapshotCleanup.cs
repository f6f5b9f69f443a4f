using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Autorest;
using Velero.Api;
using Velero.Api.V1;
using Velero.Api.V2Alpha1;
using Velero.BackupFormat.Files;
using Velero.BackupFormat.Layout;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Resources;
using Velero.ObjectStorage;
using Velero.ObjectStorage.Locations;

namespace Velero.Scheduler.Deletion;

/// <summary>
/// Steps 5 and 6 of spec 7.2: a backup's native snapshots (<c>volumesnapshots.json.gz</c>), pod volume snapshots
/// (PodVolumeBackups) and data mover snapshots (DataUploads). This server has no VolumeSnapshotter and no backup
/// repository, so it deletes none: each snapshot found is an error in upstream's manner when a plugin is missing, and
/// the deletion stops before the backup's files go (a backup whose snapshots would be orphaned stays, Deleting, with
/// the reason on its request). A backup without snapshots, every one this server takes, passes.
/// </summary>
internal static class SnapshotCleanup
{
    public static async Task<List<string>> RunAsync(ClusterConnection cluster, ObjectStoreLocation location, Backup backup,
        CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        await NativeSnapshotsAsync(location, backup.Metadata.Name, errors, cancellationToken);
        var ns = backup.Metadata.NamespaceProperty;
        var selector = $"{WellKnown.BackupNameLabel}={LabelValues.GetValidName(backup.Metadata.Name)}";

        var podVolumeBackups = await ListAsync<PodVolumeBackup>(cluster, ns, selector, errors, cancellationToken);
        foreach (var group in podVolumeBackups.Where(p => !string.IsNullOrEmpty(p.Status?.SnapshotID))
                     .GroupBy(p => (Namespace: p.Spec.Pod?.NamespaceProperty ?? "", Type: p.Spec.UploaderType ?? "kopia")))
        {
            errors.Add($"error to ensure repo {backup.Spec.StorageLocation}-{group.Key.Namespace}-{group.Key.Type}, skip deleting "
                       + $"PVB snapshots [{string.Join(' ', group.Select(p => p.Status!.SnapshotID))}]: this server has no backup repository");
        }

        if (backup.Spec.SnapshotMoveData is true)
        {
            var uploads = await ListAsync<DataUpload>(cluster, ns, selector, errors, cancellationToken);
            var moved = uploads.Where(u => !string.IsNullOrEmpty(u.Status?.SnapshotID)).ToList();
            foreach (var group in moved.GroupBy(u => u.Spec.SourceNamespace ?? ""))
            {
                errors.Add($"error to ensure repo {backup.Spec.StorageLocation}-{group.Key}-kopia, skip deleting data mover "
                           + $"snapshots [{string.Join(' ', group.Select(u => u.Status!.SnapshotID))}]: this server has no backup repository");
            }

            if (moved.Count == 0)
            {
                // Upstream removes the backup's DataUploads once their snapshots are gone; these hold none.
                var client = new CustomResourceClient<DataUpload>(cluster.Client);
                foreach (var upload in uploads)
                {
                    await client.DeleteAsync(ns, upload.Metadata.Name, cancellationToken);
                }
            }
        }

        return errors;
    }

    private static async Task NativeSnapshotsAsync(ObjectStoreLocation location, string backup, List<string> errors,
        CancellationToken cancellationToken)
    {
        JsonNode? snapshots;
        try
        {
            var key = BackupLayout.BackupVolumeSnapshots(backup);
            if (!await location.ExistsAsync(key, cancellationToken))
            {
                // Missing optional files are empty (spec 1.2).
                return;
            }

            await using var stream = await location.GetAsync(key, cancellationToken);
            snapshots = await GzipJson.ReadAsync<JsonNode>(stream, JsonSerializerOptions.Default, cancellationToken);
        }
        catch (Exception e) when (e is ObjectStorageException or JsonException or InvalidDataException)
        {
            errors.Add($"error getting backup's volume snapshots: {MessageSanitizer.Sanitize(e.Message)}");
            return;
        }

        foreach (var snapshot in (snapshots as JsonArray ?? []).OfType<JsonObject>())
        {
            var id = (string?)snapshot["status"]?["providerSnapshotID"];
            var vsl = (string?)snapshot["spec"]?["location"];
            errors.Add($"error getting volume snapshotter for volume snapshot location {vsl}: this server has no VolumeSnapshotter, "
                       + $"snapshot {id} was not deleted");
        }
    }

    private static async Task<IList<T>> ListAsync<T>(ClusterConnection cluster, string ns, string selector, List<string> errors,
        CancellationToken cancellationToken)
        where T : class, k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>
    {
        var client = new CustomResourceClient<T>(cluster.Client);
        try
        {
            return (await client.ListAsync(ns, selector, cancellationToken)).Items;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // The kind is not installed: nothing of it to delete.
            return [];
        }
        catch (HttpOperationException e)
        {
            errors.Add($"error listing {client.Plural}: {e.Message}");
            return [];
        }
    }
}
