using System.Text.Json.Nodes;
using Velero.KubeEmulator.Api;
using Velero.KubeEmulator.Apply;
using Velero.KubeEmulator.Json;
using Velero.KubeEmulator.Resources;
using Velero.KubeEmulator.Storage;

namespace Velero.KubeEmulator.Engine;

/// <summary>
/// Creates and updates objects with kube-apiserver semantics: system metadata, generation, status subresource,
/// optimistic concurrency, no-op updates that keep the resourceVersion, managedFields, dry runs.
/// </summary>
public sealed partial class ObjectWriter(Cluster cluster)
{
    private static readonly string[] SystemMetadata =
        ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "name", "namespace"];

    public JsonObject? Get(ResourceType type, string ns, string name)
    {
        var stored = cluster.Store.Get(type.StorageKey, type.Namespaced ? ns : "", name);
        return stored is null ? null : View(type, stored);
    }

    /// <summary>An object as a given version serves it (versions share storage; apiVersion is rewritten).</summary>
    public static JsonObject View(ResourceType type, StoredObject stored)
    {
        var obj = Meta.ParseObject(stored.Json);
        if (stored.ApiVersion != type.ApiVersion)
        {
            obj["apiVersion"] = type.ApiVersion;
        }

        return obj;
    }

    public JsonObject Create(ResourceType type, string ns, JsonObject body, WriteOptions options) =>
        CreateWithJson(type, ns, body, options).Object;

    /// <summary>Create, also returning the stored bytes (null for a dry run) so a response need not serialize again.</summary>
    public (JsonObject Object, byte[]? Json) CreateWithJson(ResourceType type, string ns, JsonObject body, WriteOptions options)
    {
        CheckKind(type, body);
        var metadata = Meta.Metadata(body);
        PlaceInNamespace(type, ns, metadata);
        if (!string.IsNullOrEmpty(Meta.Str(metadata, "resourceVersion")))
        {
            // A plain error in the etcd3 store, so the real server answers 500 without a reason.
            throw new ApiException(500, "", "resourceVersion should not be set on objects to be created");
        }

        var name = Meta.Str(metadata, "name") ?? "";
        if (name.Length == 0 && Meta.Str(metadata, "generateName") is { Length: > 0 } prefix)
        {
            name = prefix + StableIds.NameSuffix();
            metadata["name"] = name;
        }

        if (name.Length == 0)
        {
            throw ApiException.Invalid(type, "", [FieldError.Required("metadata.name", "name or generateName is required")]);
        }

        CheckNamespaceWritable(type, name, metadata);
        metadata["uid"] = options.FixedUid ?? Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = cluster.Now();
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        metadata.Remove("selfLink");
        if (type.HasGeneration)
        {
            metadata["generation"] = 1;
        }
        else
        {
            metadata.Remove("generation");
        }

        if (type.HasStatus && type is not { Group: "", Plural: "nodes" })
        {
            body.Remove("status");
        }

        Prune(type, body, options);
        if (metadata["managedFields"] is not JsonArray { Count: > 0 })
        {
            FieldManager.RecordUpdate(null, body, options.FieldManager, type.ApiVersion, null, !type.HasStatus, cluster.Now());
        }

        DefaultAndValidate(type, body, null);

        return Store(type, body, options);
    }

    /// <summary>Commits a new object that passed admission (shared by create and apply-create).</summary>
    private (JsonObject Object, byte[]? Json) Store(ResourceType type, JsonObject obj, WriteOptions options)
    {
        if (options.DryRun)
        {
            return (obj, null);
        }

        var metadata = Meta.Metadata(obj);
        var result = cluster.Store.Create(type.StorageKey, Meta.Namespace(obj), Meta.Name(obj), rv =>
        {
            metadata["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ToStored(type, obj, rv);
        });
        if (result.Status == CommitStatus.AlreadyExists)
        {
            throw ApiException.AlreadyExists(type, Meta.Name(obj));
        }

        AfterWrite(type, null, obj);
        return (obj, result.Stored!.Json);
    }

    public JsonObject Update(ResourceType type, string ns, string name, JsonObject body, WriteOptions options, string? subresource)
    {
        var current = cluster.Store.Get(type.StorageKey, type.Namespaced ? ns : "", name) ?? throw ApiException.NotFound(type, name);
        CheckKind(type, body);
        var metadata = Meta.Metadata(body);
        CheckIdentity(type, ns, name, metadata);
        var resourceVersion = Meta.Str(metadata, "resourceVersion") ?? "";
        if (resourceVersion.Length == 0 && !type.AllowUnconditionalUpdate)
        {
            throw ApiException.Invalid(type, name, [FieldError.Invalid("metadata.resourceVersion", "0x0", "must be specified for an update")]);
        }

        if (resourceVersion.Length > 0 && resourceVersion != Rv(current))
        {
            throw ApiException.StaleObject(type, name);
        }

        var old = Meta.ParseObject(current.Json);
        return Commit(type, current, old, Compose(type, old, body, subresource), options, subresource);
    }

    /// <summary>What a write may change: only status through /status; everything but status otherwise.</summary>
    private static JsonObject Compose(ResourceType type, JsonObject old, JsonObject proposed, string? subresource)
    {
        JsonObject result;
        if (subresource == "status")
        {
            result = (JsonObject)old.DeepClone();
            result["status"] = proposed["status"]?.DeepClone();
            if (result["status"] is null)
            {
                result.Remove("status");
            }

            return result;
        }

        result = proposed;
        if (type.HasStatus)
        {
            result["status"] = old["status"]?.DeepClone();
            if (result["status"] is null)
            {
                result.Remove("status");
            }
        }

        var metadata = Meta.Metadata(result);
        var oldMetadata = Meta.Metadata(old);
        foreach (var key in SystemMetadata)
        {
            metadata[key] = oldMetadata[key]?.DeepClone();
            if (metadata[key] is null)
            {
                metadata.Remove(key);
            }
        }

        if (metadata["managedFields"] is null && oldMetadata["managedFields"] is not null)
        {
            metadata["managedFields"] = oldMetadata["managedFields"]!.DeepClone();
        }

        return result;
    }

    /// <summary>Admits and stores an updated object; a concurrent change answers 409 (patches retry).</summary>
    private JsonObject Commit(ResourceType type, StoredObject current, JsonObject old, JsonObject updated, WriteOptions options,
        string? subresource, bool managedFieldsDone = false)
    {
        Prune(type, updated, options);
        var metadata = Meta.Metadata(updated);
        var givenManagedFields = metadata["managedFields"];
        var keepGiven = givenManagedFields is JsonArray { Count: > 0 } && !JsonNode.DeepEquals(givenManagedFields, old["metadata"]?["managedFields"]);
        if (!managedFieldsDone && !keepGiven)
        {
            FieldManager.RecordUpdate(old, updated, options.FieldManager, type.ApiVersion, subresource, !type.HasStatus, cluster.Now());
        }

        DefaultAndValidate(type, updated, old);
        if (type.HasGeneration)
        {
            var generation = old["metadata"]?["generation"]?.GetValue<long>() ?? 1;
            metadata["generation"] = SpecChanged(type, old, updated) ? generation + 1 : generation;
        }

        metadata["resourceVersion"] = Rv(current);
        if (SameIgnoringManagedFieldTimes(old, updated))
        {
            return old;
        }

        if (metadata["deletionTimestamp"] is not null && metadata["finalizers"] is not JsonArray { Count: > 0 }
            && updated["spec"]?["finalizers"] is not JsonArray { Count: > 0 })
        {
            return options.DryRun ? updated : Remove(type, current, updated);
        }

        if (options.DryRun)
        {
            return updated;
        }

        var result = cluster.Store.Update(type.StorageKey, current, rv =>
        {
            metadata["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ToStored(type, updated, rv);
        });
        switch (result.Status)
        {
            case CommitStatus.NotFound:
                throw ApiException.NotFound(type, current.Name);
            case CommitStatus.Conflict:
                throw ApiException.StaleObject(type, current.Name);
        }

        AfterWrite(type, old, updated);
        return updated;
    }

    private static bool SpecChanged(ResourceType type, JsonObject old, JsonObject updated)
    {
        var keys = old.Select(p => p.Key).Union(updated.Select(p => p.Key))
            .Where(k => k is not ("metadata" or "apiVersion" or "kind") && !(k == "status" && type.HasStatus));
        return keys.Any(k => !JsonNode.DeepEquals(old[k], updated[k]));
    }

    private static bool SameIgnoringManagedFieldTimes(JsonObject old, JsonObject updated)
    {
        var a = (JsonObject)old.DeepClone();
        var b = (JsonObject)updated.DeepClone();
        foreach (var entry in new[] { a, b }.SelectMany(o => o["metadata"]?["managedFields"] as JsonArray ?? []).OfType<JsonObject>())
        {
            entry.Remove("time");
        }

        return JsonNode.DeepEquals(a, b);
    }

    internal static string Rv(StoredObject stored) => stored.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static StoredObject ToStored(ResourceType type, JsonObject obj, long rv) =>
        new(type.ApiVersion, Meta.Namespace(obj), Meta.Name(obj), rv, Meta.Str(obj["metadata"], "uid") ?? "", Meta.Serialize(obj), Meta.Labels(obj));
}
