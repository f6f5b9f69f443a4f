using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;

namespace Velero.Restorer.Actions.BuiltIn;

/// <summary>
/// Upstream's <c>velero.io/change-storage-class</c>: PVs, PVCs and StatefulSets' <c>volumeClaimTemplates</c> move to the
/// storage class the plugin ConfigMap (label <c>velero.io/change-storage-class: RestoreItemAction</c>) maps their class
/// to. The new class must exist in the target cluster; when it cannot be read the item fails, as upstream.
/// </summary>
public sealed class ChangeStorageClassAction : IRestoreItemAction
{
    internal const string ConfigLabel = "velero.io/change-storage-class";

    public string Name => ConfigLabel;

    public bool AppliesTo(string groupResource) =>
        groupResource is "persistentvolumeclaims" or "persistentvolumes" or "statefulsets.apps";

    public async ValueTask<RestoreItemActionResult> ExecuteAsync(RestoreItemContext context, JsonObject item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(item);
        if (!context.PluginConfig.TryGetValue(ConfigLabel, out var mapping) || mapping.Count == 0)
        {
            return RestoreItemActionResult.Continue(item);
        }

        if (ItemFields.Kind(item) == "StatefulSet")
        {
            foreach (var template in (ItemFields.At(item, "spec", "volumeClaimTemplates") as JsonArray ?? []).OfType<JsonObject>())
            {
                var templateSpec = template["spec"] as JsonObject;
                var target = await TargetClassAsync(context, item, ItemFields.String(templateSpec, "storageClassName"), mapping, cancellationToken).ConfigureAwait(false);
                if (target is not null && templateSpec is not null)
                {
                    templateSpec["storageClassName"] = target;
                }
            }
        }
        else if (item["spec"] is JsonObject spec)
        {
            var target = await TargetClassAsync(context, item, ItemFields.String(spec, "storageClassName"), mapping, cancellationToken).ConfigureAwait(false);
            if (target is not null)
            {
                spec["storageClassName"] = target;
            }
        }

        return RestoreItemActionResult.Continue(item);
    }

    /// <summary>The class <paramref name="current"/> maps to once it is known to exist, or null when it is not mapped.</summary>
    private static async Task<string?> TargetClassAsync(
        RestoreItemContext context, JsonObject item, string? current, IReadOnlyDictionary<string, string> mapping, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(current) || !mapping.TryGetValue(current, out var target))
        {
            return null;
        }

        try
        {
            await context.Client.StorageV1.ReadStorageClassAsync(target, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e)
        {
            var reason = e.Response.StatusCode == HttpStatusCode.NotFound
                ? $"storageclasses.storage.k8s.io \"{target}\" not found"
                : e.Message;
            throw new InvalidOperationException($"error getting storage class {target} from API: {reason}", e);
        }

        context.Log.Info($"Updating item's storage class name to {target}", context.GroupResource, ItemFields.Namespace(item), ItemFields.Name(item));
        return target;
    }
}
