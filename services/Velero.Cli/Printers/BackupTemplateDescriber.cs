using Velero.Api;
using Velero.Api.V1;

namespace Velero.Cli.Printers;

/// <summary>
/// Upstream's DescribeBackupSpec (backup_describer.go), used for a schedule's backup template; the backup
/// describer prints the same section for a backup's spec.
/// </summary>
internal static class BackupTemplateDescriber
{
    private const string None = "<none>";

    public static void Describe(DescriptionWriter d, BackupSpec spec)
    {
        d.Printf("Namespaces:\n");
        d.Printf($"\tIncluded:\t{Join(spec.IncludedNamespaces, "*")}\n");
        d.Printf($"\tExcluded:\t{Join(spec.ExcludedNamespaces, None)}\n");
        d.Println();
        d.Printf("Resources:\n");
        if (spec.IncludeClusterResources is not null || spec.IncludedResources is { Count: > 0 } || spec.ExcludedResources is { Count: > 0 })
        {
            d.Printf($"\tIncluded:\t{Join(spec.IncludedResources, "*")}\n");
            d.Printf($"\tExcluded:\t{Join(spec.ExcludedResources, None)}\n");
            d.Printf($"\tCluster-scoped:\t{DescriptionWriter.BoolText(spec.IncludeClusterResources, "excluded", "included", "auto")}\n");
        }
        else
        {
            d.Printf($"\tIncluded cluster-scoped:\t{Join(spec.IncludedClusterScopedResources, None)}\n");
            d.Printf($"\tExcluded cluster-scoped:\t{Join(spec.ExcludedClusterScopedResources, None)}\n");
            d.Printf($"\tIncluded namespace-scoped:\t{Join(spec.IncludedNamespaceScopedResources, "*")}\n");
            d.Printf($"\tExcluded namespace-scoped:\t{Join(spec.ExcludedNamespaceScopedResources, None)}\n");
        }

        d.Println();
        d.Printf($"Label selector:\t{(spec.LabelSelector is null ? None : LabelSelectorFormat.Format(spec.LabelSelector))}\n");
        d.Println();
        var orSelectors = spec.OrLabelSelectors is { Count: > 0 } or
            ? string.Join(" or ", or.Select(LabelSelectorFormat.Format))
            : None;
        d.Printf($"Or label selector:\t{orSelectors}\n");
        d.Println();
        d.Printf($"Storage Location:\t{spec.StorageLocation}\n");
        d.Println();
        d.Printf($"Velero-Native Snapshot PVs:\t{DescriptionWriter.BoolText(spec.SnapshotVolumes, "false", "true", "auto")}\n");
        if (spec.DefaultVolumesToFsBackup is not null)
        {
            d.Printf($"File System Backup (Default):\t{DescriptionWriter.BoolText(spec.DefaultVolumesToFsBackup, "false", "true", "")}\n");
        }

        d.Printf($"Snapshot Move Data:\t{DescriptionWriter.BoolText(spec.SnapshotMoveData, "false", "true", "auto")}\n");
        d.Printf($"Data Mover:\t{(string.IsNullOrEmpty(spec.DataMover) ? "velero" : spec.DataMover)}\n");
        d.Println();
        d.Printf($"TTL:\t{Duration(spec.Ttl)}\n");
        d.Println();
        d.Printf($"CSISnapshotTimeout:\t{Duration(spec.CsiSnapshotTimeout)}\n");
        d.Printf($"ItemOperationTimeout:\t{Duration(spec.ItemOperationTimeout)}\n");
        d.Println();
        DescribeHooks(d, spec.Hooks?.Resources);
        if (spec.OrderedResources is not null)
        {
            d.Println();
            d.Printf("OrderedResources:\n");
            // Go ranges over the map in random order; sorted here so the view is stable.
            foreach (var (kind, order) in spec.OrderedResources.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                d.Printf($"\t{kind}: {order}\n");
            }
        }
    }

    private static void DescribeHooks(DescriptionWriter d, IList<BackupResourceHookSpec>? hooks)
    {
        if (hooks is not { Count: > 0 })
        {
            d.Printf($"Hooks:\t{None}\n");
            return;
        }

        d.Printf("Hooks:\n");
        d.Printf("\tResources:\n");
        foreach (var hook in hooks)
        {
            d.Printf($"\t\t{hook.Name}:\n");
            d.Printf("\t\t\tNamespaces:\n");
            d.Printf($"\t\t\t\tIncluded:\t{Join(hook.IncludedNamespaces, "*")}\n");
            d.Printf($"\t\t\t\tExcluded:\t{Join(hook.ExcludedNamespaces, None)}\n");
            d.Println();
            d.Printf("\t\t\tResources:\n");
            d.Printf($"\t\t\t\tIncluded:\t{Join(hook.IncludedResources, "*")}\n");
            d.Printf($"\t\t\t\tExcluded:\t{Join(hook.ExcludedResources, None)}\n");
            d.Println();
            d.Printf($"\t\t\tLabel selector:\t{(hook.LabelSelector is null ? None : LabelSelectorFormat.Format(hook.LabelSelector))}\n");
            DescribeExecHooks(d, "Pre", hook.Pre);
            DescribeExecHooks(d, "Post", hook.Post);
        }
    }

    private static void DescribeExecHooks(DescriptionWriter d, string when, IList<BackupResourceHook>? hooks)
    {
        foreach (var exec in (hooks ?? []).Select(h => h.Exec).OfType<ExecHook>())
        {
            d.Println();
            d.Printf($"\t\t\t{when} Exec Hook:\n");
            d.Printf($"\t\t\t\tContainer:\t{exec.Container}\n");
            d.Printf($"\t\t\t\tCommand:\t{string.Join(" ", exec.Command ?? [])}\n");
            d.Printf($"\t\t\t\tOn Error:\t{exec.OnError}\n");
            d.Printf($"\t\t\t\tTimeout:\t{Duration(exec.Timeout)}\n");
        }
    }

    private static string Join(IList<string>? values, string empty) =>
        values is { Count: > 0 } ? string.Join(", ", values) : empty;

    /// <summary>A Go duration as Go prints it; an unset one is Go's zero, <c>0s</c>.</summary>
    private static string Duration(string? value) =>
        GoDuration.Format(GoDuration.TryParse(value, out var d) ? d : TimeSpan.Zero);
}
