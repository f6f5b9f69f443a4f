using System.Text.Json.Nodes;

namespace Velero.Restorer.Actions.BuiltIn;

/// <summary>Upstream's <c>velero.io/role-bindings</c>: subjects follow their namespace through <c>namespaceMapping</c>.</summary>
public sealed class RoleBindingAction : IRestoreItemAction
{
    public string Name => "velero.io/role-bindings";

    public bool AppliesTo(string groupResource) => groupResource == "rolebindings.rbac.authorization.k8s.io";

    public ValueTask<RestoreItemActionResult> ExecuteAsync(RestoreItemContext context, JsonObject item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(item);
        SubjectNamespaces.Remap(item, context.NamespaceMapping);
        return ValueTask.FromResult(RestoreItemActionResult.Continue(item));
    }
}
