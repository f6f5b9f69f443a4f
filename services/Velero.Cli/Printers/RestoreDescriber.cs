using System.Text.Json;
using System.Text.Json.Nodes;
using Velero.Api.V1;

namespace Velero.Cli.Printers;

/// <summary><c>velero restore describe</c>'s text as upstream's DescribeRestore (pkg/cmd/util/output/restore_describer.go).</summary>
internal static class RestoreDescriber
{
    private static readonly string[] PodVolumePhases = ["Completed", "Canceled", "Failed", "In Progress", "Prepared", "Accepted", "New"];

    public static async Task<string> DescribeAsync(Restore restore, IReadOnlyList<PodVolumeRestore> podVolumeRestores, bool details,
        IDescribeFiles files, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var name = restore.Metadata.Name;
        var status = restore.Status ?? new RestoreStatus();
        var spec = restore.Spec;
        var results = (status.Warnings ?? 0) + (status.Errors ?? 0) > 0
            ? await files.ReadAsync(name, DownloadTargetKind.RestoreResults, cancellationToken)
            : null;
        var volumeInfo = await files.ReadAsync(name, DownloadTargetKind.RestoreVolumeInfo, cancellationToken);
        var operations = details && status.RestoreItemOperationsAttempted > 0
            ? await files.ReadAsync(name, DownloadTargetKind.RestoreItemOperations, cancellationToken)
            : null;
        var resources = details ? await files.ReadAsync(name, DownloadTargetKind.RestoreResourceList, cancellationToken) : null;

        return Describer.Describe(zone, d =>
        {
            d.DescribeMetadata(restore.Metadata);
            d.Println();
            var phase = string.IsNullOrEmpty(status.Phase) ? RestorePhase.New : status.Phase;
            var phaseText = restore.Metadata.DeletionTimestamp is null ? phase : phase + " (Deleting)";
            var note = phase is RestorePhase.Failed or RestorePhase.PartiallyFailed
                ? $" (run 'velero restore logs {name}' for more information)"
                : "";
            d.Printf($"Phase:\t{phaseText}{note}\n");
            if (status.Progress is { } progress)
            {
                if (status.Phase == RestorePhase.InProgress)
                {
                    d.Printf($"Estimated total items to be restored:\t{progress.TotalItems ?? 0}\n");
                    d.Printf($"Items restored so far:\t{progress.ItemsRestored ?? 0}\n");
                }
                else
                {
                    d.Printf($"Total items to be restored:\t{progress.TotalItems ?? 0}\n");
                    d.Printf($"Items restored:\t{progress.ItemsRestored ?? 0}\n");
                }
            }

            d.Println();
            d.Printf($"Started:\t{(status.StartTimestamp is { } started ? d.Time(started) : "<n/a>")}\n");
            d.Printf($"Completed:\t{(status.CompletionTimestamp is { } completed ? d.Time(completed) : "<n/a>")}\n");
            if (status.ValidationErrors is { Count: > 0 } validationErrors)
            {
                d.Println();
                d.Printf("Validation errors:");
                foreach (var error in validationErrors)
                {
                    d.Printf($"\t{error}\n");
                }
            }

            if (results is not null)
            {
                DescribeSections.Results(d, results, status.Warnings ?? 0, status.Errors ?? 0, countsWhenMissing: false);
            }

            d.Println();
            d.Printf($"Backup:\t{spec.BackupName}\n");
            d.Println();
            d.Printf("Namespaces:\n");
            var included = spec.IncludedNamespaces is not { Count: > 0 } || spec.IncludedNamespaces is ["*"]
                ? "all namespaces found in the backup"
                : string.Join(", ", spec.IncludedNamespaces);
            d.Printf($"\tIncluded:\t{included}\n");
            d.Printf($"\tExcluded:\t{Describer.JoinOr(spec.ExcludedNamespaces, Describer.None)}\n");
            d.Println();
            d.Printf("Resources:\n");
            d.Printf($"\tIncluded:\t{Describer.JoinOr(spec.IncludedResources, "*")}\n");
            d.Printf($"\tExcluded:\t{Describer.JoinOr(spec.ExcludedResources, Describer.None)}\n");
            d.Printf($"\tCluster-scoped:\t{Describer.Bool(spec.IncludeClusterResources, "excluded", "included", "auto")}\n");
            d.Println();
            d.DescribeMap("Namespace mappings", spec.NamespaceMapping);
            d.Println();
            d.Printf($"Label selector:\t{Describer.Selector(spec.LabelSelector)}\n");
            d.Println();
            d.Printf($"Or label selector:\t{BackupSpecDescriber.OrSelectors(spec.OrLabelSelectors)}\n");
            d.Println();
            d.Printf($"Restore PVs:\t{Describer.Bool(spec.RestorePVs, "false", "true", "auto")}\n");
            if (podVolumeRestores.Count > 0)
            {
                d.Println();
                PodVolumes(d, podVolumeRestores, details);
            }

            VolumeInfo(d, volumeInfo, details);
            d.Println();
            var policy = string.IsNullOrEmpty(spec.ExistingResourcePolicy) ? Describer.None : spec.ExistingResourcePolicy;
            d.Printf($"Existing Resource Policy: \t{policy}\n");
            d.Printf($"ItemOperationTimeout:\t{Describer.Duration(spec.ItemOperationTimeout)}\n");
            d.Println();
            d.Printf($"Preserve Service NodePorts:\t{Describer.Bool(spec.PreserveNodePorts, "false", "true", "auto")}\n");
            if (spec.ResourceModifier is { } modifier)
            {
                d.Println();
                d.Printf("Resource modifier:\n");
                d.Printf($"\tType:\t{modifier.Kind}\n");
                d.Printf($"\tName:\t{modifier.Name}\n");
            }

            if (spec.UploaderConfig is { } uploader)
            {
                d.Println();
                d.Printf("Uploader config:\n");
                if (uploader.WriteSparseFiles == true)
                {
                    d.Printf("\tWrite Sparse Files:\ttrue\n");
                }

                if (uploader.ParallelFilesDownload is > 0 and var parallel)
                {
                    d.Printf($"\tParallel Restore:\t{parallel}\n");
                }
            }

            d.Println();
            if (status.RestoreItemOperationsAttempted is > 0 and var attempted)
            {
                if (!details)
                {
                    d.Printf($"Restore Item Operations:\t{status.RestoreItemOperationsCompleted ?? 0} of {attempted} completed successfully, {status.RestoreItemOperationsFailed ?? 0} failed (specify --details for more information)\n");
                }
                else
                {
                    BackupDescriber.ItemOperations(d, operations!, "Restore");
                }
            }

            if (status.HookStatus is { } hooks)
            {
                d.Println();
                d.Printf($"HooksAttempted: \t{hooks.HooksAttempted ?? 0}\n");
                d.Printf($"HooksFailed: \t{hooks.HooksFailed ?? 0}\n");
            }

            if (details)
            {
                d.Println();
                DescribeSections.ResourceList(d, resources!, "restore");
            }
        });
    }

    private static void PodVolumes(Describer d, IReadOnlyList<PodVolumeRestore> restores, bool details)
    {
        var uploader = restores[0].Spec?.UploaderType;
        d.Printf(details ? $"{uploader} Restores:\n" : $"{uploader} Restores (specify --details for more information):\n");
        DescribeSections.PodVolumes(d, "\t", restores.Select(r => (
            DescribeSections.PhaseGroup(r.Status?.Phase),
            $"{r.Spec?.Pod?.NamespaceProperty}/{r.Spec?.Pod?.Name}",
            r.Spec?.Volume ?? "",
            r.Status?.Progress,
            0L)), PodVolumePhases, details);
    }

    /// <summary>CSI snapshot restores from the restore's volume info; a missing file (older restores) prints nothing.</summary>
    private static void VolumeInfo(Describer d, DescribeFile file, bool details)
    {
        if (!file.Found)
        {
            if (!file.NotFound)
            {
                d.Printf($"\t<error getting restore volume info: {file.Error}>\n");
            }

            return;
        }

        List<JsonNode> infos;
        try
        {
            infos = [.. (JsonNode.Parse(file.Text!)?.AsArray() ?? []).OfType<JsonNode>()];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            d.Printf($"\t<error reading restore volume info: {e.Message}>\n");
            return;
        }

        d.Println();
        var csi = infos.Where(i => DescribeSections.Text(i["restoreMethod"]) == "CSISnapshot").ToList();
        var moved = csi.Where(i => i["snapshotDataMoved"]?.GetValue<bool>() == true).ToList();
        var local = csi.Except(moved).ToList();
        if (csi.Count == 0)
        {
            d.Printf("CSI Snapshot Restores: <none included>\n");
            return;
        }

        d.Printf("CSI Snapshot Restores:\n");
        foreach (var info in local)
        {
            var snapshot = info["csiSnapshotInfo"];
            d.Printf($"\t{DescribeSections.Text(info["pvcNamespace"])}/{DescribeSections.Text(info["pvcName"])}:\n");
            if (!details)
            {
                d.Printf("\t\tSnapshot: specify --details for more information\n");
                continue;
            }

            d.Printf("\t\tSnapshot:\n");
            d.Printf($"\t\t\tSnapshot Content Name: {DescribeSections.Text(snapshot?["vscName"])}\n");
            d.Printf($"\t\t\tStorage Snapshot ID: {DescribeSections.Text(snapshot?["snapshotHandle"])}\n");
            d.Printf($"\t\t\tCSI Driver: {DescribeSections.Text(snapshot?["driver"])}\n");
        }

        foreach (var info in moved)
        {
            var movement = info["snapshotDataMovementInfo"];
            d.Printf($"\t{DescribeSections.Text(info["pvcNamespace"])}/{DescribeSections.Text(info["pvcName"])}:\n");
            if (!details)
            {
                d.Printf("\t\tData Movement: specify --details for more information\n");
                continue;
            }

            d.Printf("\t\tData Movement:\n");
            d.Printf($"\t\t\tOperation ID: {DescribeSections.Text(movement?["operationID"])}\n");
            d.Printf($"\t\t\tData Mover: {DescribeSections.Text(movement?["dataMover"])}\n");
            d.Printf($"\t\t\tUploader Type: {DescribeSections.Text(movement?["uploaderType"])}\n");
        }
    }
}
