using System.Text.Json;
using System.Text.Json.Nodes;
using Velero.ResourceModifiers.Patching;
using Velero.ResourceModifiers.Yaml;
using YamlDotNet.Core;

namespace Velero.ResourceModifiers.Rules;

/// <summary>
/// Applies a matching rule's patches to an item, with upstream's error texts: JSON patches all together (a failed
/// <c>test</c> leaves the item as it was), merge patches and strategic patches one after another. Strategic patches need
/// the Go type of the item, so like upstream they fail for kinds outside the built-in API groups (custom resources).
/// </summary>
internal static class RulePatcher
{
    private static readonly HashSet<string> s_builtInGroups =
    [
        "", "apps", "batch", "autoscaling", "policy", "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io",
        "scheduling.k8s.io", "coordination.k8s.io", "discovery.k8s.io", "node.k8s.io", "certificates.k8s.io",
        "admissionregistration.k8s.io", "apiextensions.k8s.io", "flowcontrol.apiserver.k8s.io", "events.k8s.io",
        "resource.k8s.io", "storagemigration.k8s.io", "internal.apiserver.k8s.io", "velero.io", "snapshot.storage.k8s.io",
    ];

    /// <summary>Returns the patched item (a new object) or throws <see cref="InvalidOperationException"/> with upstream's message.</summary>
    public static JsonObject Apply(ResourceModifierRule rule, JsonObject item)
    {
        if (rule.Patches.Count > 0)
        {
            return ApplyJsonPatch(rule.Patches, item);
        }

        if (rule.MergePatches.Count > 0)
        {
            JsonNode? result = item;
            foreach (var data in rule.MergePatches)
            {
                var patch = PatchJson(data);
                if (patch is not JsonObject)
                {
                    throw new InvalidOperationException("error in applying patch error in applying JSON Patch: Invalid JSON Patch");
                }

                result = JsonMergePatch.Apply(result, patch);
            }

            return result as JsonObject ?? throw new InvalidOperationException("error in applying patch error in unmarshalling modified object Object 'Kind' is missing");
        }

        if (rule.StrategicPatches.Count > 0)
        {
            var apiVersion = (string?)item["apiVersion"] ?? string.Empty;
            var kind = (string?)item["kind"] ?? string.Empty;
            var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;
            if (!s_builtInGroups.Contains(group) || kind.Length == 0)
            {
                throw new InvalidOperationException(
                    $"error in applying patch no kind \"{kind}\" is registered for the version \"{apiVersion}\" in scheme \"pkg/runtime/scheme.go:100\"");
            }

            var result = item;
            foreach (var data in rule.StrategicPatches)
            {
                if (PatchJson(data) is not JsonObject patch)
                {
                    throw new InvalidOperationException("error in applying patch error in applying Strategic Patch json: cannot unmarshal into Go value of type map[string]interface {}");
                }

                try
                {
                    result = StrategicMergePatch.Apply(result, patch, kind);
                }
                catch (InvalidOperationException e)
                {
                    throw new InvalidOperationException($"error in applying patch error in applying Strategic Patch {e.Message}", e);
                }
            }

            return result;
        }

        throw new InvalidOperationException("no patch data found");
    }

    /// <summary>The patch operation upstream's text rendering makes of <paramref name="operation"/>; its JSON may be invalid, as upstream's.</summary>
    public static JsonObject Decode(JsonPatchOperation operation)
    {
        try
        {
            return JsonNode.Parse(operation.ToJson()) as JsonObject ?? throw new InvalidOperationException("error in decoding json patch invalid operation");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"error in decoding json patch {e.Message}", e);
        }
    }

    private static JsonObject ApplyJsonPatch(IReadOnlyList<JsonPatchOperation> patches, JsonObject item)
    {
        List<JsonObject> operations;
        try
        {
            operations = patches.Select(Decode).ToList();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"error in applying patch error in applying JSON Patch {e.Message}", e);
        }

        try
        {
            return JsonPatch.Apply(item, operations) as JsonObject
                ?? throw new InvalidOperationException("error in applying patch error in unmarshalling modified object Object 'Kind' is missing");
        }
        catch (JsonPatchException e) when (e.TestFailed)
        {
            return item;
        }
        catch (JsonPatchException e)
        {
            throw new InvalidOperationException($"error in applying patch error in applying JSON Patch {e.Message}", e);
        }
    }

    private static JsonNode? PatchJson(string data)
    {
        try
        {
            return YamlJson.Parse(data);
        }
        catch (YamlException e)
        {
            throw new InvalidOperationException($"error in applying patch error in converting YAML to JSON yaml: line {e.Start.Line}: {e.Message}", e);
        }
    }
}
