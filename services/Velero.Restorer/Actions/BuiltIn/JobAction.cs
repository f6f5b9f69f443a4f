using System.Text.Json.Nodes;

namespace Velero.Restorer.Actions.BuiltIn;

/// <summary>
/// Upstream's <c>velero.io/job</c>: the job controller labels a job's pods and selector with the job's uid; the restored
/// job gets a new uid, so the old one is dropped from the selector and the template (both the label of Kubernetes
/// before 1.27 and the current one) and the controller sets them again.
/// </summary>
public sealed class JobAction : IRestoreItemAction
{
    private static readonly string[] s_uidLabels = ["batch.kubernetes.io/controller-uid", "controller-uid"];

    public string Name => "velero.io/job";

    public bool AppliesTo(string groupResource) => groupResource == "jobs.batch";

    public ValueTask<RestoreItemActionResult> ExecuteAsync(RestoreItemContext context, JsonObject item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        foreach (var labels in new[] { ItemFields.At(item, "spec", "selector", "matchLabels"), ItemFields.At(item, "spec", "template", "metadata", "labels") })
        {
            if (labels is JsonObject map)
            {
                foreach (var label in s_uidLabels)
                {
                    map.Remove(label);
                }
            }
        }

        return ValueTask.FromResult(RestoreItemActionResult.Continue(item));
    }
}
