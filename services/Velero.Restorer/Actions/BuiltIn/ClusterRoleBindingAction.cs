using System.Text.Json.Nodes;

namespace Velero.Restorer.Actions.BuiltIn;

/// <summary>Upstream's <c>velero.io/cluster-role-bindings</c>: subjects follow their namespace through <c>namespaceMapping</c>.</summary>
public sealed class ClusterRoleBindingAction : IRestoreItemAction
{
    public string Name => "velero.io/cluster-role-bindings";

    public bool AppliesTo(string groupResource) => groupResource == "clusterrolebindings.rbac.authorization.k8s.io";

    public ValueTask<RestoreItemActionResult> ExecuteAsync(RestoreItemContext context, JsonObject item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(item);
        SubjectNamespaces.Remap(item, context.NamespaceMapping);
        return ValueTask.FromResult(RestoreItemActionResult.Continue(item));
    }
}
