using System.Text.Json.Nodes;

namespace Velero.Restorer.Actions.BuiltIn;

/// <summary>
/// Upstream's <c>velero.io/add-pvc-from-pod</c>: the claims a pod mounts are restored before it, even when the restore's
/// filters would not pick them, so the pod does not start without its volumes.
/// </summary>
public sealed class AddPvcFromPodAction : IRestoreItemAction
{
    public string Name => "velero.io/add-pvc-from-pod";

    public bool AppliesTo(string groupResource) => groupResource == "pods";

    public ValueTask<RestoreItemActionResult> ExecuteAsync(RestoreItemContext context, JsonObject item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var ns = ItemFields.Namespace(item);
        var claims = (ItemFields.At(item, "spec", "volumes") as JsonArray ?? [])
            .Select(volume => ItemFields.At(volume, "persistentVolumeClaim"))
            .OfType<JsonObject>()
            .Select(claim => new ItemReference("persistentvolumeclaims", ns, ItemFields.String(claim, "claimName") ?? string.Empty))
            .ToList();
        return ValueTask.FromResult(RestoreItemActionResult.Continue(item) with { AdditionalItems = claims });
    }
}
