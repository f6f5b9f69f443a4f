using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Velero.KubeEmulator.Api;
using Velero.KubeEmulator.Apply;
using Velero.KubeEmulator.Json;
using Velero.KubeEmulator.Patching;
using Velero.KubeEmulator.Resources;

namespace Velero.KubeEmulator.Engine;

public sealed partial class ObjectWriter
{
    public const string JsonPatchType = "application/json-patch+json";
    public const string MergePatchType = "application/merge-patch+json";
    public const string StrategicPatchType = "application/strategic-merge-patch+json";
    public const string ApplyPatchType = "application/apply-patch+yaml";

    /// <summary>Applies a patch of any of the four types; returns the object and whether it was created.</summary>
    public (JsonObject Object, bool Created) Patch(ResourceType type, string ns, string name, string patchType, byte[] body,
        WriteOptions options, string? subresource)
    {
        if (patchType == StrategicPatchType && type.IsCustom)
        {
            throw ApiException.UnsupportedMediaType(patchType);
        }

        var patch = ParsePatch(patchType, body);
        for (var attempt = 0; ; attempt++)
        {
            var current = cluster.Store.Get(type.StorageKey, type.Namespaced ? ns : "", name);
            if (current is null)
            {
                if (patchType != ApplyPatchType)
                {
                    throw ApiException.NotFound(type, name);
                }

                return (ApplyCreate(type, ns, name, (JsonObject)patch!, options, subresource), true);
            }

            var old = Meta.ParseObject(current.Json);
            JsonObject patched;
            var managedFieldsDone = false;
            switch (patchType)
            {
                case JsonPatchType:
                    patched = JsonPatch.Apply(old.DeepClone(), patch) as JsonObject ?? throw ApiException.BadRequest("the patch did not produce an object");
                    break;
                case MergePatchType:
                    patched = MergePatch.Apply(old.DeepClone(), patch) as JsonObject ?? throw ApiException.BadRequest("the patch did not produce an object");
                    break;
                case StrategicPatchType:
                    patched = StrategicMergePatch.Apply(old.DeepClone(), patch) as JsonObject ?? throw ApiException.BadRequest("the patch did not produce an object");
                    break;
                default:
                    var applied = CheckApplied(type, ns, name, patch, options);
                    patched = FieldManager.Apply(old, applied, options.FieldManager, type.ApiVersion, subresource, options.Force,
                        !type.HasStatus, cluster.Now());
                    managedFieldsDone = true;
                    break;
            }

            var patchedRv = Meta.Str(patched["metadata"], "resourceVersion");
            var pinned = patchType != ApplyPatchType && patchedRv is not null && patchedRv != Rv(current);
            if (pinned)
            {
                throw ApiException.StaleObject(type, name);
            }

            var metadata = Meta.Metadata(patched);
            if (Meta.Str(metadata, "name") != name)
            {
                metadata["name"] = name;
            }

            try
            {
                var managed = metadata["managedFields"]?.DeepClone();
                var updated = Compose(type, old, patched, subresource);
                if (managedFieldsDone)
                {
                    Meta.Metadata(updated)["managedFields"] = managed;
                }

                return (Commit(type, current, old, updated, options, subresource, managedFieldsDone), false);
            }
            catch (ApiException e) when (e.Reason == "Conflict" && e.Details?["causes"] is null && attempt < 5)
            {
                // Someone wrote in between: a patch is applied again to the new state, as the real server retries.
            }
        }
    }

    private JsonObject ApplyCreate(ResourceType type, string ns, string name, JsonObject applied, WriteOptions options, string? subresource)
    {
        if (subresource is not null)
        {
            throw ApiException.NotFound(type, name);
        }

        var checkedApplied = CheckApplied(type, ns, name, applied, options);
        var created = FieldManager.Apply(null, checkedApplied, options.FieldManager, type.ApiVersion, null, options.Force, !type.HasStatus, cluster.Now());
        var metadata = Meta.Metadata(created);
        var managed = metadata["managedFields"]!.DeepClone();
        metadata.Remove("managedFields");
        created["apiVersion"] = type.ApiVersion;
        created["kind"] = type.Kind;
        metadata["name"] = name;
        PlaceInNamespace(type, ns, metadata);
        CheckNamespaceWritable(type, name, metadata);
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = cluster.Now();
        if (type.HasGeneration)
        {
            metadata["generation"] = 1;
        }

        if (type.HasStatus)
        {
            created.Remove("status");
        }

        Prune(type, created, options);
        DefaultAndValidate(type, created, null);
        metadata["managedFields"] = managed;
        return Store(type, created, options).Object;
    }

    private static JsonObject CheckApplied(ResourceType type, string ns, string name, JsonNode? patch, WriteOptions options)
    {
        if (options.FieldManager.Length == 0 || options.FieldManager == "unknown-apply")
        {
            throw new ApiException(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
        }

        if (patch is not JsonObject applied)
        {
            throw ApiException.BadRequest("error decoding YAML: the apply configuration is not an object");
        }

        if (string.IsNullOrEmpty(Meta.Str(applied, "apiVersion")) || string.IsNullOrEmpty(Meta.Str(applied, "kind")))
        {
            throw ApiException.BadRequest("invalid object type: " + (Meta.Str(applied, "kind") is null ? "kind must be set" : "apiVersion must be set"));
        }

        CheckKind(type, applied);
        var metadata = Meta.Metadata(applied);
        var given = Meta.Str(metadata, "name");
        if (!string.IsNullOrEmpty(given) && given != name)
        {
            throw ApiException.BadRequest($"the name of the object ({given}) does not match the name on the URL ({name})");
        }

        if (type.Namespaced && Meta.Str(metadata, "namespace") is { Length: > 0 } givenNs && givenNs != ns)
        {
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        metadata.Remove("resourceVersion");
        metadata.Remove("managedFields");
        return applied;
    }

    private static JsonNode? ParsePatch(string patchType, byte[] body)
    {
        try
        {
            if (patchType == ApplyPatchType)
            {
                var text = Encoding.UTF8.GetString(body);
                return text.TrimStart().StartsWith('{') ? JsonNode.Parse(text) : YamlReader.ReadDocuments(text).FirstOrDefault();
            }

            return JsonNode.Parse(body);
        }
        catch (Exception e) when (e is JsonException or YamlDotNet.Core.YamlException)
        {
            throw ApiException.BadRequest($"error decoding patch: {e.Message}");
        }
    }
}
