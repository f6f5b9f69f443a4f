using System.Text.Json.Nodes;

namespace Velero.KubeEmulator.Patching;

/// <summary>
/// The patchMergeKey / patchStrategy tags of the built-in Go types that matter here, by field name.
/// Lists not named here are atomic (replaced whole), as in the real types.
/// </summary>
internal static class PatchKeys
{
    private static readonly Dictionary<string, string> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["volumes"] = "name",
        ["env"] = "name",
        ["volumeMounts"] = "mountPath",
        ["volumeDevices"] = "devicePath",
        ["imagePullSecrets"] = "name",
        ["hostAliases"] = "ip",
        ["conditions"] = "type",
        ["ownerReferences"] = "uid",
        ["secrets"] = "name",
        ["topologySpreadConstraints"] = "topologyKey",
        ["resourceClaims"] = "name",
        ["addresses"] = "type",
    };

    /// <summary>Primitive lists whose patch strategy is merge (set union), e.g. metadata.finalizers.</summary>
    private static readonly HashSet<string> MergedPrimitiveLists = new(StringComparer.Ordinal) { "finalizers" };

    /// <summary>The merge key of a list field, or null when the list is atomic.</summary>
    public static string? MergeKey(string field, JsonArray? a, JsonArray? b)
    {
        if (field == "ports")
        {
            // Container ports merge by containerPort, service ports by port.
            var sample = (a ?? []).Concat(b ?? []).OfType<JsonObject>();
            return sample.Any(o => o.ContainsKey("containerPort")) ? "containerPort" : "port";
        }

        return MergeKeys.GetValueOrDefault(field);
    }

    public static bool IsMergedPrimitiveList(string field) => MergedPrimitiveLists.Contains(field);
}
