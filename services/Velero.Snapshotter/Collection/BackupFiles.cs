using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using k8s;
using Velero.Api.V1;
using Velero.BackupFormat.Files;
using Velero.BackupFormat.Layout;
using Velero.BackupFormat.Tarball;
using Velero.ObjectStorage.Locations;

namespace Velero.Snapshotter.Collection;

/// <summary>
/// The files beside the tarball (spec 1.2), in the shapes upstream's <c>persistBackup</c> writes them, and
/// <c>velero-backup.json</c>, written last so that a location never lists a backup whose files are incomplete.
/// </summary>
internal static class BackupFiles
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private static readonly JsonSerializerOptions Pretty = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
        IndentSize = 2,
    };

    public static async Task WriteLogAsync(ObjectStoreLocation location, string backup, BackupLog log, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            await gzip.WriteAsync(log.Text(), cancellationToken);
        }

        buffer.Position = 0;
        await location.PutAsync(BackupLayout.BackupLog(backup), buffer, cancellationToken);
    }

    public static async Task WriteSidecarsAsync(ObjectStoreLocation location, string backup, BackupLog log, CollectionRun run,
        bool snapshotVolumes, CancellationToken cancellationToken)
    {
        await PutJsonAsync(location, BackupLayout.BackupResults(backup), log.Results(), cancellationToken);
        await PutJsonAsync(location, BackupLayout.BackupResourceList(backup), run.Items.ResourceList.ToDocument(), cancellationToken);

        // No native snapshots or pod volume backups are taken here: upstream marshals the nil slices as null, and the
        // item operations list, initialised empty, as [].
        await PutJsonAsync<object?>(location, BackupLayout.BackupVolumeSnapshots(backup), null, cancellationToken);
        await PutJsonAsync<object?>(location, BackupLayout.BackupPodVolumeBackups(backup), null, cancellationToken);
        await PutJsonAsync(location, BackupLayout.BackupItemOperations(backup), Array.Empty<object>(), cancellationToken);
        await PutJsonAsync(location, BackupLayout.BackupVolumeInfo(backup), VolumeInfos(run.Items.PersistentVolumes, snapshotVolumes),
            cancellationToken);
    }

    /// <summary>The Backup as given with its final status, pretty-printed as the Kubernetes serializer does.</summary>
    public static async Task WriteMetadataAsync(ObjectStoreLocation location, Backup final, CancellationToken cancellationToken)
    {
        var node = JsonNode.Parse(KubernetesJson.Serialize(final));
        var bytes = JsonSerializer.SerializeToUtf8Bytes(node, Pretty);
        using var body = new MemoryStream([.. bytes, (byte)'\n']);
        await location.PutAsync(BackupLayout.BackupMetadata(final.Metadata.Name), body, cancellationToken);
    }

    /// <summary>A copy of <paramref name="backup"/> with the final status fields set.</summary>
    public static Backup WithFinalStatus(Backup backup, string phase, DateTimeOffset started, DateTimeOffset completed,
        CollectionRun run, BackupLog log)
    {
        var copy = KubernetesJson.Deserialize<Backup>(KubernetesJson.Serialize(backup));
        var status = copy.Status ??= new BackupStatus();
        status.Phase = phase;
        status.Version = 1;
        status.FormatVersion = BackupFormatVersion.Current;
        status.StartTimestamp = Seconds(started);
        status.CompletionTimestamp = Seconds(completed);
        status.Progress = new BackupProgress { TotalItems = run.Items.ItemsBackedUp, ItemsBackedUp = run.Items.ItemsBackedUp };

        // Go's omitempty leaves zero counts out.
        status.Warnings = log.Warnings == 0 ? null : log.Warnings;
        status.Errors = log.Errors == 0 ? null : log.Errors;
        status.HookStatus = run.Items.HooksAttempted == 0
            ? null
            : new HookStatus { HooksAttempted = run.Items.HooksAttempted, HooksFailed = run.Items.HooksFailed == 0 ? null : run.Items.HooksFailed };
        return copy;
    }

    // metav1.Time has second precision.
    private static DateTime Seconds(DateTimeOffset time) =>
        new DateTime(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    // Without a volume snapshot location every PV backed up is recorded as skipped, with the reason upstream's
    // skipped-PV tracker gives (approach "volumeSnapshot"); no PV means upstream's nil list, null.
    private static List<JsonObject>? VolumeInfos(IReadOnlyCollection<JsonObject> persistentVolumes, bool snapshotVolumes)
    {
        if (persistentVolumes.Count == 0)
        {
            return null;
        }

        var reason = snapshotVolumes
            ? "no applicable volumesnapshotter found"
            : "not satisfy the criteria for VolumePolicy or the legacy snapshot way";
        var infos = new List<JsonObject>();
        foreach (var pv in persistentVolumes.OrderBy(p => (string?)p["metadata"]?["name"], StringComparer.Ordinal))
        {
            var info = new JsonObject();
            if ((string?)pv["spec"]?["claimRef"]?["name"] is { Length: > 0 } claim)
            {
                info["pvcName"] = claim;
                info["pvcNamespace"] = (string?)pv["spec"]?["claimRef"]?["namespace"];
            }

            info["pvName"] = (string?)pv["metadata"]?["name"];
            info["snapshotDataMoved"] = false;
            info["preserveLocalSnapshot"] = false;
            info["skipped"] = true;
            info["skippedReason"] = $"volumeSnapshot: {reason};";
            var pvInfo = new JsonObject { ["reclaimPolicy"] = (string?)pv["spec"]?["persistentVolumeReclaimPolicy"] ?? "" };
            if (pv["metadata"]?["labels"] is JsonObject labels)
            {
                pvInfo["labels"] = labels.DeepClone();
            }

            info["pvInfo"] = pvInfo;
            infos.Add(info);
        }

        return infos;
    }

    private static async Task PutJsonAsync<T>(ObjectStoreLocation location, string key, T value, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(await GzipJson.ToBytesAsync(value, Json, cancellationToken));
        await location.PutAsync(key, body, cancellationToken);
    }
}
