using System.Text.Json.Nodes;
using Velero.KubeEmulator.Api;
using Velero.KubeEmulator.Resources;

namespace Velero.KubeEmulator.Crds;

/// <summary>Reads a CustomResourceDefinition: its validation errors, and the resources it serves.</summary>
internal static class CrdTypes
{
    public static List<FieldError> Validate(JsonObject crd)
    {
        var errors = new List<FieldError>();
        var spec = crd["spec"] as JsonObject;
        var group = Json.Meta.Str(spec, "group") ?? "";
        var names = spec?["names"] as JsonObject;
        var plural = Json.Meta.Str(names, "plural") ?? "";
        if (group.Length == 0)
        {
            errors.Add(FieldError.Required("spec.group"));
        }

        if (plural.Length == 0)
        {
            errors.Add(FieldError.Required("spec.names.plural"));
        }

        if (string.IsNullOrEmpty(Json.Meta.Str(names, "kind")))
        {
            errors.Add(FieldError.Required("spec.names.kind"));
        }

        var name = Json.Meta.Name(crd);
        if (name != $"{plural}.{group}")
        {
            errors.Add(FieldError.Invalid("metadata.name", name, "must be spec.names.plural+\".\"+spec.group"));
        }

        if (Json.Meta.Str(spec, "scope") is not ("Namespaced" or "Cluster"))
        {
            errors.Add(new FieldError("spec.scope", "FieldValueNotSupported",
                $"Unsupported value: \"{Json.Meta.Str(spec, "scope")}\": supported values: \"Cluster\", \"Namespaced\""));
        }

        var versions = (spec?["versions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (versions.Count == 0)
        {
            errors.Add(FieldError.Invalid("spec.versions", "null", "must have exactly one version marked as storage version"));
        }
        else if (versions.Count(v => v["storage"]?.GetValue<bool>() == true) != 1)
        {
            errors.Add(FieldError.Invalid("spec.versions", "", "must have exactly one version marked as storage version"));
        }

        for (var i = 0; i < versions.Count; i++)
        {
            if (versions[i]["schema"]?["openAPIV3Schema"] is not JsonObject)
            {
                errors.Add(FieldError.Required($"spec.versions[{i}].schema.openAPIV3Schema", "schemas are required"));
            }
        }

        return errors;
    }

    public static List<ResourceType> Served(JsonObject crd)
    {
        var spec = (JsonObject)crd["spec"]!;
        var names = (JsonObject)spec["names"]!;
        var kind = Json.Meta.Str(names, "kind")!;
        var result = new List<ResourceType>();
        foreach (var version in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (version["served"]?.GetValue<bool>() != true)
            {
                continue;
            }

            var subresources = version["subresources"] as JsonObject;
            var scale = subresources?["scale"] as JsonObject;
            result.Add(new ResourceType
            {
                Group = Json.Meta.Str(spec, "group")!,
                Version = Json.Meta.Str(version, "name")!,
                Kind = kind,
                Plural = Json.Meta.Str(names, "plural")!,
                Singular = Json.Meta.Str(names, "singular") ?? kind.ToLowerInvariant(),
                Namespaced = Json.Meta.Str(spec, "scope") == "Namespaced",
                ShortNames = Json.Meta.Strings(names["shortNames"]),
                Categories = Json.Meta.Strings(names["categories"]),
                HasStatus = subresources?["status"] is not null,
                Scale = scale is null ? null : new ScaleSpec(
                    Json.Meta.Str(scale, "specReplicasPath") ?? ".spec.replicas",
                    Json.Meta.Str(scale, "statusReplicasPath") ?? ".status.replicas",
                    Json.Meta.Str(scale, "labelSelectorPath")),
                HasGeneration = true,
                IsCustom = true,
                AllowUnconditionalUpdate = false,
                Schema = version["schema"]?["openAPIV3Schema"] as JsonObject,
                TopLevelFields = null,
            });
        }

        return result;
    }

    /// <summary>What the CRD controllers report once names are accepted and the resources are served.</summary>
    public static void SetEstablished(JsonObject crd, JsonObject? old, string now)
    {
        var spec = (JsonObject)crd["spec"]!;
        var storage = (spec["versions"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(v => v["storage"]?.GetValue<bool>() == true);
        var stored = Json.Meta.Strings(old?["status"]?["storedVersions"]);
        var storageName = Json.Meta.Str(storage, "name");
        if (storageName is not null && !stored.Contains(storageName))
        {
            stored.Add(storageName);
        }

        var oldConditions = old?["status"]?["conditions"] as JsonArray;
        JsonNode Condition(string type, string reason, string message) => new JsonObject
        {
            ["type"] = type,
            ["status"] = "True",
            ["lastTransitionTime"] = oldConditions?.OfType<JsonObject>().FirstOrDefault(c => Json.Meta.Str(c, "type") == type)?["lastTransitionTime"]?.DeepClone() ?? now,
            ["reason"] = reason,
            ["message"] = message,
        };

        crd["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found"),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted")),
            ["acceptedNames"] = spec["names"]!.DeepClone(),
            ["storedVersions"] = new JsonArray([.. stored.Select(s => (JsonNode)s)]),
        };
    }
}
