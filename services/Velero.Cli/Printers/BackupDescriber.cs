using Velero.Api.V1;

namespace Velero.Cli.Printers;

/// <summary>
/// <c>velero backup describe</c>'s text, section by section as upstream's DescribeBackup
/// (pkg/cmd/util/output/backup_describer.go): metadata, phase, results, spec, status and volumes, deletion attempts.
/// The files it needs are read first, then the text is laid out in one pass.
/// </summary>
internal static class BackupDescriber
{
    public static async Task<string> DescribeAsync(Backup backup, IReadOnlyList<DeleteBackupRequest> deleteRequests,
        IReadOnlyList<PodVolumeBackup> podVolumeBackups, bool details, IDescribeFiles files, TimeZoneInfo zone,
        CancellationToken cancellationToken)
    {
        var name = backup.Metadata.Name;
        var status = backup.Status ?? new BackupStatus();
        var results = (status.Warnings ?? 0) + (status.Errors ?? 0) > 0
            ? await files.ReadAsync(name, DownloadTargetKind.BackupResults, cancellationToken)
            : null;
        var operations = details && status.BackupItemOperationsAttempted > 0
            ? await files.ReadAsync(name, DownloadTargetKind.BackupItemOperations, cancellationToken)
            : null;
        var resources = details ? await files.ReadAsync(name, DownloadTargetKind.BackupResourceList, cancellationToken) : null;
        var volumes = await BackupVolumes.ReadAsync(backup, files, cancellationToken);

        return Describer.Describe(zone, d =>
        {
            d.DescribeMetadata(backup.Metadata);
            d.Println();
            var phase = string.IsNullOrEmpty(status.Phase) ? BackupPhase.New : status.Phase;
            var logsNote = status.Phase is BackupPhase.Failed or BackupPhase.PartiallyFailed
                ? $" (run `velero backup logs {name}` for more information)"
                : "";
            d.Printf($"Phase:\t{phase}{logsNote}\n");
            if (phase == BackupPhase.Queued)
            {
                d.Printf($"Queue position:\t{status.QueuePosition ?? 0}\n");
            }

            if (backup.Spec.ResourcePolicy is { } policy)
            {
                d.Println();
                d.Printf("Resource policies:\n");
                d.Printf($"\tType:\t{policy.Kind}\n");
                d.Printf($"\tName:\t{policy.Name}\n");
            }

            if (backup.Spec.UploaderConfig?.ParallelFilesUpload is > 0 and var parallel)
            {
                d.Println();
                d.Printf("Uploader config:\n");
                d.Printf($"\tParallel files upload:\t{parallel}\n");
            }

            if (status.ValidationErrors is { Count: > 0 } validationErrors)
            {
                d.Println();
                d.Printf("Validation errors:");
                foreach (var error in validationErrors)
                {
                    d.Printf($"\t{error}\n");
                }
            }

            d.Println();
            if (results is not null)
            {
                DescribeSections.Results(d, results, status.Warnings ?? 0, status.Errors ?? 0, countsWhenMissing: true);
            }

            d.Println();
            BackupSpecDescriber.Describe(d, backup.Spec);
            d.Println();
            DescribeStatus(d, status, details, operations, resources, volumes, podVolumeBackups);
            if (deleteRequests.Count > 0)
            {
                d.Println();
                DescribeDeleteRequests(d, deleteRequests);
            }
        });
    }

    private static void DescribeStatus(Describer d, BackupStatus status, bool details, DescribeFile? operations,
        DescribeFile? resources, BackupVolumes volumes, IReadOnlyList<PodVolumeBackup> podVolumeBackups)
    {
        d.Printf($"Backup Format Version:\t{status.FormatVersion}\n");
        d.Println();
        d.Printf($"Started:\t{(status.StartTimestamp is { } started ? d.Time(started) : "<n/a>")}\n");
        d.Printf($"Completed:\t{(status.CompletionTimestamp is { } completed ? d.Time(completed) : "<n/a>")}\n");
        d.Println();
        d.Printf($"Expiration:\t{d.Time(status.Expiration)}\n");
        d.Println();
        if (status.Progress is { } progress)
        {
            if (status.Phase == BackupPhase.InProgress)
            {
                d.Printf($"Estimated total items to be backed up:\t{progress.TotalItems ?? 0}\n");
                d.Printf($"Items backed up so far:\t{progress.ItemsBackedUp ?? 0}\n");
            }
            else
            {
                d.Printf($"Total items to be backed up:\t{progress.TotalItems ?? 0}\n");
                d.Printf($"Items backed up:\t{progress.ItemsBackedUp ?? 0}\n");
            }

            d.Println();
        }

        if (status.BackupItemOperationsAttempted is > 0 and var attempted)
        {
            if (!details)
            {
                d.Printf($"Backup Item Operations:\t{status.BackupItemOperationsCompleted ?? 0} of {attempted} completed successfully, {status.BackupItemOperationsFailed ?? 0} failed (specify --details for more information)\n");
            }
            else
            {
                ItemOperations(d, operations!, "Backup");
            }
        }

        if (details)
        {
            DescribeSections.ResourceList(d, resources!, "backup");
            d.Println();
        }

        volumes.Describe(d, details, podVolumeBackups);
        if (status.HookStatus is { } hooks)
        {
            d.Println();
            d.Printf($"HooksAttempted:\t{hooks.HooksAttempted ?? 0}\n");
            d.Printf($"HooksFailed:\t{hooks.HooksFailed ?? 0}\n");
        }
    }

    /// <summary>The <c>--details</c> list of a backup's or restore's item operations.</summary>
    public static void ItemOperations(Describer d, DescribeFile file, string owner)
    {
        if (!file.Found)
        {
            d.Printf($"{owner} Item Operations:\t<error getting operation info: {file.Error}>\n");
            return;
        }

        System.Text.Json.Nodes.JsonNode? list;
        try
        {
            list = System.Text.Json.Nodes.JsonNode.Parse(file.Text!);
        }
        catch (System.Text.Json.JsonException e)
        {
            d.Printf($"{owner} Item Operations:\t<error reading operation info: {e.Message}>\n");
            return;
        }

        d.Printf($"{owner} Item Operations:\n");
        foreach (var operation in list?.AsArray() ?? [])
        {
            if (operation is not null)
            {
                DescribeSections.ItemOperation(d, operation, $"{owner} Item Action Plugin",
                    owner == "Backup" ? "backupItemAction" : "restoreItemAction", withPostItems: owner == "Backup");
            }
        }
    }

    private static void DescribeDeleteRequests(Describer d, IReadOnlyList<DeleteBackupRequest> requests)
    {
        d.Printf("Deletion Attempts");
        var failed = requests.Count(r => r.Status?.Phase == DeleteBackupRequestPhase.Processed && r.Status.Errors is { Count: > 0 });
        if (failed > 0)
        {
            d.Printf($" ({failed} failed)");
        }

        d.Println(":");
        var first = true;
        foreach (var request in requests)
        {
            if (!first)
            {
                d.Println();
            }

            first = false;
            d.Printf($"\t{d.Time(request.Metadata.CreationTimestamp ?? DateTime.MinValue)}: {request.Status?.Phase}\n");
            if (request.Status?.Errors is { Count: > 0 } errors)
            {
                d.Printf("\tErrors:\n");
                foreach (var error in errors)
                {
                    d.Printf($"\t\t{error}\n");
                }
            }
        }
    }
}
