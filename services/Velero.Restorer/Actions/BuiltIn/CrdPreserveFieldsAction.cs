using System.Text.Json.Nodes;

namespace Velero.Restorer.Actions.BuiltIn;

/// <summary>
/// Upstream's <c>velero.io/crd-preserve-fields</c>: a v1 CRD may not set <c>spec.preserveUnknownFields: true</c> (it came
/// from a v1beta1 CRD), so the flag is cleared and every version's schema says <c>x-kubernetes-preserve-unknown-fields</c>
/// instead, which keeps the custom resources' unknown fields as before. Only v1 CRDs are touched, as upstream.
/// </summary>
public sealed class CrdPreserveFieldsAction : IRestoreItemAction
{
    public string Name => "velero.io/crd-preserve-fields";

    public bool AppliesTo(string groupResource) => groupResource == "customresourcedefinitions.apiextensions.k8s.io";

    public ValueTask<RestoreItemActionResult> ExecuteAsync(RestoreItemContext context, JsonObject item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (ItemFields.String(item, "apiVersion") != "apiextensions.k8s.io/v1" || item["spec"] is not JsonObject spec
            || ItemFields.At(spec, "preserveUnknownFields") is not JsonValue flag || !flag.TryGetValue<bool>(out var preserve) || !preserve)
        {
            return ValueTask.FromResult(RestoreItemActionResult.Continue(item));
        }

        // Upstream's Go type omits a false flag when it writes the CRD back.
        spec.Remove("preserveUnknownFields");
        foreach (var version in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (ItemFields.At(version, "schema", "openAPIV3Schema") is JsonObject schema)
            {
                schema["x-kubernetes-preserve-unknown-fields"] = true;
            }
        }

        return ValueTask.FromResult(RestoreItemActionResult.Continue(item));
    }
}
