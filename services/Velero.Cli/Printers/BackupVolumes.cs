using System.Text.Json;
using System.Text.Json.Nodes;
using Velero.Api.V1;

namespace Velero.Cli.Printers;

/// <summary>
/// The "Backup Volumes" section: native and CSI snapshots from the backup's volume infos, or, for backups written
/// before volume infos existed, from the legacy snapshot files (upstream's describeBackupVolumes); then pod volumes.
/// </summary>
internal sealed class BackupVolumes
{
    private static readonly string[] PodVolumePhases =
        ["Completed", "Failed", "Canceled", "In Progress", "Canceling", "Prepared", "Accepted", "New"];

    private string? _error;
    private List<JsonNode> _native = [];
    private List<JsonNode> _csi = [];
    private bool _legacy;

    public static async Task<BackupVolumes> ReadAsync(Backup backup, IDescribeFiles files, CancellationToken cancellationToken)
    {
        var volumes = new BackupVolumes();
        var name = backup.Metadata.Name;
        var infos = await files.ReadAsync(name, DownloadTargetKind.BackupVolumeInfos, cancellationToken);
        if (infos.NotFound)
        {
            volumes._legacy = true;
            if (backup.Status?.VolumeSnapshotsAttempted is > 0)
            {
                var snapshots = await files.ReadAsync(name, DownloadTargetKind.BackupVolumeSnapshots, cancellationToken);
                if (!TryParse(snapshots, out var list, out var error))
                {
                    volumes._error = $"<error concluding native snapshot info: error to download native snapshot info: {error}>";
                    return volumes;
                }

                volumes._native = [.. list.Select(LegacyNative)];
            }

            // CSI snapshots of backups without volume infos are not detectable from the snapshot lists alone here.
            return volumes;
        }

        if (!TryParse(infos, out var all, out var infoError))
        {
            volumes._error = infos.Found ? $"<error reading backup volume info: {infoError}>" : $"<error getting backup volume info: {infoError}>";
            return volumes;
        }

        volumes._native = [.. all.Where(i => DescribeSections.Text(i["backupMethod"]) == "NativeSnapshot")];
        volumes._csi = [.. all.Where(i => DescribeSections.Text(i["backupMethod"]) == "CSISnapshot")];
        return volumes;
    }

    public void Describe(Describer d, bool details, IReadOnlyList<PodVolumeBackup> podVolumeBackups)
    {
        d.Println("Backup Volumes:");
        if (_error is not null)
        {
            d.Printf($"\t{_error}\n");
            return;
        }

        Native(d, details);
        d.Println();
        Csi(d, details);
        d.Println();
        PodVolumes(d, details, podVolumeBackups);
    }

    private void Native(Describer d, bool details)
    {
        if (_native.Count == 0)
        {
            d.Printf("\tVelero-Native Snapshots: <none included>\n");
            return;
        }

        d.Println("\tVelero-Native Snapshots:");
        foreach (var info in _native)
        {
            var pv = DescribeSections.Text(info["pvName"]);
            if (!details)
            {
                d.Printf($"\t\t{pv}: specify --details for more information\n");
                continue;
            }

            var native = info["nativeSnapshotInfo"];
            d.Printf($"\t\t{pv}:\n");
            d.Printf($"\t\t\tSnapshot ID:\t{DescribeSections.Text(native?["snapshotHandle"])}\n");
            d.Printf($"\t\t\tType:\t{DescribeSections.Text(native?["volumeType"])}\n");
            d.Printf($"\t\t\tAvailability Zone:\t{DescribeSections.Text(native?["volumeAZ"])}\n");
            d.Printf($"\t\t\tIOPS:\t{DescribeSections.Text(native?["iops"])}\n");
            d.Printf($"\t\t\tResult:\t{DescribeSections.Text(info["result"])}\n");
        }
    }

    private void Csi(Describer d, bool details)
    {
        if (_csi.Count == 0)
        {
            d.Printf(_legacy ? "\tCSI Snapshots: <none included or not detectable>\n" : "\tCSI Snapshots: <none included>\n");
            return;
        }

        d.Println("\tCSI Snapshots:");
        foreach (var info in _csi)
        {
            d.Printf($"\t\t{DescribeSections.Text(info["pvcNamespace"])}/{DescribeSections.Text(info["pvcName"])}:\n");
            var result = DescribeSections.Text(info["result"]);
            var moved = info["snapshotDataMoved"]?.GetValue<bool>() == true;
            if (info["preserveLocalSnapshot"]?.GetValue<bool>() == true)
            {
                var csi = info["csiSnapshotInfo"];
                if (!details)
                {
                    d.Printf("\t\t\tSnapshot: included, specify --details for more information\n");
                }
                else
                {
                    d.Printf("\t\t\tSnapshot:\n");
                    if (!moved && DescribeSections.Text(csi?["operationID"]) is { Length: > 0 } operation)
                    {
                        d.Printf($"\t\t\t\tOperation ID: {operation}\n");
                    }

                    d.Printf($"\t\t\t\tSnapshot Content Name: {DescribeSections.Text(csi?["vscName"])}\n");
                    d.Printf($"\t\t\t\tStorage Snapshot ID: {DescribeSections.Text(csi?["snapshotHandle"])}\n");
                    d.Printf($"\t\t\t\tSnapshot Size (bytes): {Number(csi?["size"])}\n");
                    d.Printf($"\t\t\t\tCSI Driver: {DescribeSections.Text(csi?["driver"])}\n");
                    d.Printf($"\t\t\t\tResult: {result}\n");
                }
            }

            if (!moved)
            {
                continue;
            }

            if (!details)
            {
                d.Printf("\t\t\tData Movement: included, specify --details for more information\n");
                continue;
            }

            var movement = info["snapshotDataMovementInfo"];
            var mover = DescribeSections.Text(movement?["dataMover"]);
            d.Printf("\t\t\tData Movement:\n");
            d.Printf($"\t\t\t\tOperation ID: {DescribeSections.Text(movement?["operationID"])}\n");
            d.Printf($"\t\t\t\tData Mover: {(mover.Length == 0 ? "velero" : mover)}\n");
            d.Printf($"\t\t\t\tUploader Type: {DescribeSections.Text(movement?["uploaderType"])}\n");
            d.Printf($"\t\t\t\tMoved data Size (bytes): {Number(movement?["size"])}\n");
            if (Number(movement?["incrementalSize"]) is > 0 and var incremental)
            {
                d.Printf($"\t\t\t\tIncremental data Size (bytes): {incremental}\n");
            }

            d.Printf($"\t\t\t\tResult: {result}\n");
        }
    }

    private static void PodVolumes(Describer d, bool details, IReadOnlyList<PodVolumeBackup> backups)
    {
        if (backups.Count == 0)
        {
            d.Printf("\tPod Volume Backups: <none included>\n");
            return;
        }

        var uploader = backups[0].Spec?.UploaderType;
        d.Printf(details
            ? $"\tPod Volume Backups - {uploader}:\n"
            : $"\tPod Volume Backups - {uploader} (specify --details for more information):\n");
        DescribeSections.PodVolumes(d, "\t\t", backups.Select(b => (
            DescribeSections.PhaseGroup(b.Status?.Phase),
            $"{b.Spec?.Pod?.NamespaceProperty}/{b.Spec?.Pod?.Name}",
            b.Spec?.Volume ?? "",
            b.Status?.Progress,
            b.Status?.IncrementalBytes ?? 0L)), PodVolumePhases, details);
    }

    private static JsonNode LegacyNative(JsonNode snapshot) => new JsonObject
    {
        ["pvName"] = DescribeSections.Text(snapshot["spec"]?["persistentVolumeName"]),
        ["nativeSnapshotInfo"] = new JsonObject
        {
            ["snapshotHandle"] = DescribeSections.Text(snapshot["status"]?["providerSnapshotID"]),
            ["volumeType"] = DescribeSections.Text(snapshot["spec"]?["volumeType"]),
            ["volumeAZ"] = DescribeSections.Text(snapshot["spec"]?["volumeAZ"]),
            ["iops"] = snapshot["spec"]?["volumeIOPS"] is { } iops ? iops.ToJsonString() : "",
        },
    };

    private static long Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;

    private static bool TryParse(DescribeFile file, out List<JsonNode> items, out string? error)
    {
        items = [];
        error = file.Error;
        if (!file.Found)
        {
            return false;
        }

        try
        {
            items = [.. (JsonNode.Parse(file.Text!)?.AsArray() ?? []).OfType<JsonNode>()];
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            error = e.Message;
            return false;
        }
    }
}
