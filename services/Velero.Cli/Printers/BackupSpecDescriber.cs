using Velero.Api.V1;

namespace Velero.Cli.Printers;

/// <summary>Upstream's DescribeBackupSpec (backup describe, and schedule describe's template one tab in): namespaces, resources (old or new filters), selectors, location, volumes, TTL, timeouts, hooks.</summary>
internal static class BackupSpecDescriber
{
    public static void Describe(Describer d, BackupSpec spec)
    {
        d.Printf("Namespaces:\n");
        d.Printf($"\tIncluded:\t{Describer.JoinOr(spec.IncludedNamespaces, "*")}\n");
        d.Printf($"\tExcluded:\t{Describer.JoinOr(spec.ExcludedNamespaces, Describer.None)}\n");
        d.Println();
        d.Printf("Resources:\n");
        if (UsesOldResourceFilters(spec))
        {
            d.Printf($"\tIncluded:\t{Describer.JoinOr(spec.IncludedResources, "*")}\n");
            d.Printf($"\tExcluded:\t{Describer.JoinOr(spec.ExcludedResources, Describer.None)}\n");
            d.Printf($"\tCluster-scoped:\t{Describer.Bool(spec.IncludeClusterResources, "excluded", "included", "auto")}\n");
        }
        else
        {
            d.Printf($"\tIncluded cluster-scoped:\t{Describer.JoinOr(spec.IncludedClusterScopedResources, Describer.None)}\n");
            d.Printf($"\tExcluded cluster-scoped:\t{Describer.JoinOr(spec.ExcludedClusterScopedResources, Describer.None)}\n");
            d.Printf($"\tIncluded namespace-scoped:\t{Describer.JoinOr(spec.IncludedNamespaceScopedResources, "*")}\n");
            d.Printf($"\tExcluded namespace-scoped:\t{Describer.JoinOr(spec.ExcludedNamespaceScopedResources, Describer.None)}\n");
        }

        d.Println();
        d.Printf($"Label selector:\t{Describer.Selector(spec.LabelSelector)}\n");
        d.Println();
        d.Printf($"Or label selector:\t{OrSelectors(spec.OrLabelSelectors)}\n");
        d.Println();
        d.Printf($"Storage Location:\t{spec.StorageLocation}\n");
        d.Println();
        d.Printf($"Velero-Native Snapshot PVs:\t{Describer.Bool(spec.SnapshotVolumes, "false", "true", "auto")}\n");
        if (spec.DefaultVolumesToFsBackup is not null)
        {
            d.Printf($"File System Backup (Default):\t{Describer.Bool(spec.DefaultVolumesToFsBackup, "false", "true", "")}\n");
        }

        d.Printf($"Snapshot Move Data:\t{Describer.Bool(spec.SnapshotMoveData, "false", "true", "auto")}\n");
        d.Printf($"Data Mover:\t{(string.IsNullOrEmpty(spec.DataMover) ? "velero" : spec.DataMover)}\n");
        d.Println();
        d.Printf($"TTL:\t{Describer.Duration(spec.Ttl)}\n");
        d.Println();
        d.Printf($"CSISnapshotTimeout:\t{Describer.Duration(spec.CsiSnapshotTimeout)}\n");
        d.Printf($"ItemOperationTimeout:\t{Describer.Duration(spec.ItemOperationTimeout)}\n");
        d.Println();
        Hooks(d, spec.Hooks?.Resources);
        if (spec.OrderedResources is not null)
        {
            d.Println();
            d.Printf("OrderedResources:\n");
            foreach (var (kind, order) in spec.OrderedResources.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                d.Printf($"\t{kind}: {order}\n");
            }
        }
    }

    /// <summary>
    /// Upstream's <c>collections.UseOldResourceFilters</c>: the old section only when an old filter is set, so a spec
    /// with no filters at all shows the scoped (new) section.
    /// </summary>
    private static bool UsesOldResourceFilters(BackupSpec spec) =>
        spec.IncludeClusterResources is not null
        || spec.IncludedResources is { Count: > 0 }
        || spec.ExcludedResources is { Count: > 0 };

    public static string OrSelectors(IList<k8s.Models.V1LabelSelector>? selectors) =>
        selectors is null || selectors.Count == 0 ? Describer.None : string.Join(" or ", selectors.Select(Describer.Selector));

    private static void Hooks(Describer d, IList<BackupResourceHookSpec>? resources)
    {
        if (resources is null || resources.Count == 0)
        {
            d.Printf($"Hooks:\t{Describer.None}\n");
            return;
        }

        d.Printf("Hooks:\n");
        d.Printf("\tResources:\n");
        foreach (var hook in resources)
        {
            d.Printf($"\t\t{hook.Name}:\n");
            d.Printf("\t\t\tNamespaces:\n");
            d.Printf($"\t\t\t\tIncluded:\t{Describer.JoinOr(hook.IncludedNamespaces, "*")}\n");
            d.Printf($"\t\t\t\tExcluded:\t{Describer.JoinOr(hook.ExcludedNamespaces, Describer.None)}\n");
            d.Println();
            d.Printf("\t\t\tResources:\n");
            d.Printf($"\t\t\t\tIncluded:\t{Describer.JoinOr(hook.IncludedResources, "*")}\n");
            d.Printf($"\t\t\t\tExcluded:\t{Describer.JoinOr(hook.ExcludedResources, Describer.None)}\n");
            d.Println();
            d.Printf($"\t\t\tLabel selector:\t{Describer.Selector(hook.LabelSelector)}\n");
            ExecHooks(d, "Pre", hook.Pre);
            ExecHooks(d, "Post", hook.Post);
        }
    }

    private static void ExecHooks(Describer d, string when, IList<BackupResourceHook>? hooks)
    {
        foreach (var exec in (hooks ?? []).Select(h => h.Exec).OfType<ExecHook>())
        {
            d.Println();
            d.Printf($"\t\t\t{when} Exec Hook:\n");
            d.Printf($"\t\t\t\tContainer:\t{exec.Container}\n");
            d.Printf($"\t\t\t\tCommand:\t{string.Join(" ", exec.Command ?? [])}\n");
            d.Printf($"\t\t\t\tOn Error:\t{exec.OnError}\n");
            d.Printf($"\t\t\t\tTimeout:\t{Describer.Duration(exec.Timeout)}\n");
        }
    }
}
