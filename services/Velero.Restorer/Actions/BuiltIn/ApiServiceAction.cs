using System.Text.Json.Nodes;

namespace Velero.Restorer.Actions.BuiltIn;

/// <summary>
/// Upstream's <c>velero.io/apiservice</c>: APIServices the aggregator registers itself (label
/// <c>kube-aggregator.kubernetes.io/automanaged</c>) exist in every cluster and are not restored. Upstream selects them by
/// that label in the action's selector; here the action sees every APIService and passes the others on unchanged.
/// </summary>
public sealed class ApiServiceAction : IRestoreItemAction
{
    private const string AutoManagedLabel = "kube-aggregator.kubernetes.io/automanaged";

    public string Name => "velero.io/apiservice";

    public bool AppliesTo(string groupResource) => groupResource == "apiservices.apiregistration.k8s.io";

    public ValueTask<RestoreItemActionResult> ExecuteAsync(RestoreItemContext context, JsonObject item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(item);
        if (ItemFields.At(item, "metadata", "labels") is JsonObject labels && labels.ContainsKey(AutoManagedLabel))
        {
            context.Log.Info("Skipping restore of APIService as it is managed by Kubernetes", "apiservices.apiregistration.k8s.io", null, ItemFields.Name(item));
            return ValueTask.FromResult(RestoreItemActionResult.SkipItem(item));
        }

        return ValueTask.FromResult(RestoreItemActionResult.Continue(item));
    }
}
