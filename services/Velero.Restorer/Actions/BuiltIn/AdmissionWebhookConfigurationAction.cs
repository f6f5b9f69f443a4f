using System.Text.Json.Nodes;

namespace Velero.Restorer.Actions.BuiltIn;

/// <summary>
/// Upstream's <c>velero.io/admission-webhook-configuration</c> (velero#3516): a configuration read through
/// <c>admissionregistration.k8s.io/v1</c> from a cluster that stored it as v1beta1 may carry <c>sideEffects</c>
/// <c>Unknown</c> or <c>Some</c>, which v1 refuses; such values (and a missing one) become <c>None</c>. Other API
/// versions pass unchanged, as upstream does.
/// </summary>
public sealed class AdmissionWebhookConfigurationAction : IRestoreItemAction
{
    public string Name => "velero.io/admission-webhook-configuration";

    public bool AppliesTo(string groupResource) =>
        groupResource is "mutatingwebhookconfigurations.admissionregistration.k8s.io"
            or "validatingwebhookconfigurations.admissionregistration.k8s.io";

    public ValueTask<RestoreItemActionResult> ExecuteAsync(RestoreItemContext context, JsonObject item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (ItemFields.String(item, "apiVersion") != "admissionregistration.k8s.io/v1" || item["webhooks"] is not JsonArray webhooks)
        {
            return ValueTask.FromResult(RestoreItemActionResult.Continue(item));
        }

        // Upstream drops an entry it cannot read as an object.
        for (var i = webhooks.Count - 1; i >= 0; i--)
        {
            if (webhooks[i] is not JsonObject webhook)
            {
                webhooks.RemoveAt(i);
                continue;
            }

            if (ItemFields.String(webhook, "sideEffects") is not ("None" or "NoneOnDryRun"))
            {
                webhook["sideEffects"] = "None";
            }
        }

        return ValueTask.FromResult(RestoreItemActionResult.Continue(item));
    }
}
