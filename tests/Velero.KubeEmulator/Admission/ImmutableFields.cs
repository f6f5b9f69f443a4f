using System.Text.Json.Nodes;
using Velero.KubeEmulator.Api;
using Velero.KubeEmulator.Resources;

namespace Velero.KubeEmulator.Admission;

/// <summary>
/// Update validation of the built-in fields a restore or re-apply trips over: PVC specs, StorageClass
/// parameters and provisioner, workload selectors. Messages follow the real validation (without the Go
/// struct diffs the real server appends to some of them).
/// </summary>
internal static class ImmutableFields
{
    private const string BetaStorageClass = "volume.beta.kubernetes.io/storage-class";

    public static IEnumerable<FieldError> Check(ResourceType type, JsonObject old, JsonObject updated)
    {
        switch ((type.Group, type.Plural))
        {
            case ("", "persistentvolumeclaims"):
                return Claim(old, updated);
            case ("storage.k8s.io", "storageclasses"):
                return StorageClass(old, updated);
            case ("apps", "deployments" or "statefulsets" or "daemonsets" or "replicasets"):
                return Same(old["spec"]?["selector"], updated["spec"]?["selector"])
                    ? []
                    : [new FieldError("spec.selector", "FieldValueInvalid", $"Invalid value: {updated["spec"]?["selector"]?.ToJsonString()}: field is immutable")];
            case ("batch", "jobs"):
                return Same(old["spec"]?["selector"], updated["spec"]?["selector"]) && Same(old["spec"]?["template"], updated["spec"]?["template"])
                    ? []
                    : [new FieldError("spec.template", "FieldValueInvalid", "Invalid value: ...: field is immutable")];
            default:
                return [];
        }
    }

    private static bool Same(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);

    private static List<FieldError> Claim(JsonObject old, JsonObject updated)
    {
        var errors = new List<FieldError>();
        var oldAnnotation = Json.Meta.Str(old["metadata"]?["annotations"], BetaStorageClass);
        var newAnnotation = Json.Meta.Str(updated["metadata"]?["annotations"], BetaStorageClass);
        if (oldAnnotation != newAnnotation)
        {
            errors.Add(new FieldError($"metadata.annotations[{BetaStorageClass}]", "FieldValueInvalid",
                $"Invalid value: \"{newAnnotation}\": field is immutable"));
        }

        var oldSpec = (old["spec"] as JsonObject)?.DeepClone() as JsonObject ?? [];
        var newSpec = (updated["spec"] as JsonObject)?.DeepClone() as JsonObject ?? [];
        foreach (var spec in new[] { oldSpec, newSpec })
        {
            (spec["resources"] as JsonObject)?.Remove("requests");
            spec.Remove("volumeAttributesClassName");
        }

        // The volume binder fills volumeName, and a class may be set on a claim that had none (no annotation).
        if (oldSpec["volumeName"] is null)
        {
            oldSpec["volumeName"] = newSpec["volumeName"]?.DeepClone();
        }

        if (oldSpec["storageClassName"] is null && oldAnnotation is null)
        {
            oldSpec["storageClassName"] = newSpec["storageClassName"]?.DeepClone();
        }

        if (!Same(Compact(oldSpec), Compact(newSpec)))
        {
            errors.Add(new FieldError("spec", "FieldValueForbidden",
                "Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"));
        }

        return errors;
    }

    private static JsonObject Compact(JsonObject spec)
    {
        foreach (var key in spec.Where(p => p.Value is null || p.Value is JsonObject { Count: 0 }).Select(p => p.Key).ToList())
        {
            spec.Remove(key);
        }

        return spec;
    }

    private static List<FieldError> StorageClass(JsonObject old, JsonObject updated)
    {
        var errors = new List<FieldError>();
        if (!Same(old["parameters"], updated["parameters"]))
        {
            errors.Add(new FieldError("parameters", "FieldValueForbidden", "Forbidden: updates to parameters are forbidden."));
        }

        if (!Same(old["provisioner"], updated["provisioner"]))
        {
            errors.Add(new FieldError("provisioner", "FieldValueForbidden", "Forbidden: updates to provisioner are forbidden."));
        }

        if (!Same(old["reclaimPolicy"], updated["reclaimPolicy"]))
        {
            errors.Add(new FieldError("reclaimPolicy", "FieldValueForbidden", "Forbidden: updates to reclaimPolicy are forbidden."));
        }

        if (!Same(old["volumeBindingMode"], updated["volumeBindingMode"]))
        {
            errors.Add(new FieldError("volumeBindingMode", "FieldValueInvalid", $"Invalid value: {updated["volumeBindingMode"]?.ToJsonString()}: field is immutable"));
        }

        return errors;
    }
}
