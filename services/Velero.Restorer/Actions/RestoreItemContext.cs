using System.Text.Json.Nodes;
using Velero.Api.V1;
using Velero.Restorer.Engine;

namespace Velero.Restorer.Actions;

/// <summary>What a restore item action may know about the item and the restore it belongs to.</summary>
public sealed class RestoreItemContext
{
    public required Restore Restore { get; init; }

    public required Backup Backup { get; init; }

    /// <summary>The cluster being restored into, for actions and hooks that must read it or act in it.</summary>
    public required k8s.Kubernetes Client { get; init; }

    /// <summary><c>pods</c>, <c>deployments.apps</c>: the group-resource of the item.</summary>
    public required string GroupResource { get; init; }

    /// <summary>The item as the backup holds it, before anything was stripped or changed. Read only.</summary>
    public required JsonObject BackedUpItem { get; init; }

    /// <summary>The namespace the item is restored into (after <c>namespaceMapping</c>); null for cluster-scoped items.</summary>
    public required string? TargetNamespace { get; init; }

    /// <summary>The restore's namespace mapping, source to target; empty when there is none.</summary>
    public required IReadOnlyDictionary<string, string> NamespaceMapping { get; init; }

    /// <summary>
    /// The plugin configuration ConfigMaps of the Velero namespace (labelled <c>velero.io/plugin-config</c>), by the
    /// label that names their action, such as <c>velero.io/change-storage-class</c>: their <c>data</c>.
    /// </summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> PluginConfig { get; init; }

    /// <summary>The restore's log and results: warnings and errors written here are counted and filed under the item's namespace.</summary>
    public required RestoreLog Log { get; init; }

    /// <summary>Counts restore hooks for <c>status.hookStatus</c>.</summary>
    public required HookCounter Hooks { get; init; }
}
