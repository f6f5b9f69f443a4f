using System.Text.Json.Nodes;

namespace Velero.Restorer.Actions.BuiltIn;

/// <summary>
/// Upstream's <c>velero.io/pod</c>: the pod is scheduled afresh (no <c>nodeName</c>, no resolved <c>priority</c>, which
/// admission computes again from the class), and the legacy service-account token volume and its mounts go because the
/// token secret of the old cluster is not restored. The PriorityClass is restored first so admission finds it.
/// </summary>
public sealed class PodAction : IRestoreItemAction
{
    public string Name => "velero.io/pod";

    public bool AppliesTo(string groupResource) => groupResource == "pods";

    public ValueTask<RestoreItemActionResult> ExecuteAsync(RestoreItemContext context, JsonObject item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(item);
        if (item["spec"] is not JsonObject spec)
        {
            return ValueTask.FromResult(RestoreItemActionResult.Continue(item));
        }

        spec.Remove("nodeName");
        spec.Remove("priority");

        // Upstream matches on the pod's own service account name, so an empty name gives the prefix "-token-".
        var tokenPrefix = ItemFields.String(spec, "serviceAccountName") + "-token-";
        bool IsToken(JsonNode? node) => ItemFields.String(node, "name")?.StartsWith(tokenPrefix, StringComparison.Ordinal) == true;

        ItemFields.RemoveWhere(spec, "volumes", IsToken);
        foreach (var list in new[] { "containers", "initContainers" })
        {
            if (spec[list] is JsonArray containers)
            {
                foreach (var container in containers.OfType<JsonObject>())
                {
                    ItemFields.RemoveWhere(container, "volumeMounts", IsToken);
                }
            }
        }

        var result = RestoreItemActionResult.Continue(item);
        var priorityClass = ItemFields.String(spec, "priorityClassName");
        if (!string.IsNullOrEmpty(priorityClass))
        {
            context.Log.Info($"Adding priorityclass {priorityClass} to AdditionalItems", "pods", ItemFields.Namespace(item), ItemFields.Name(item));
            result = result with { AdditionalItems = [new ItemReference("priorityclasses.scheduling.k8s.io", null, priorityClass)] };
        }

        return ValueTask.FromResult(result);
    }
}
