using System.Text.Json.Nodes;
using Velero.KubeEmulator.Api;
using Velero.KubeEmulator.Json;
using Velero.KubeEmulator.Resources;
using Velero.KubeEmulator.Storage;

namespace Velero.KubeEmulator.Engine;

public sealed partial class ObjectWriter
{
    /// <summary>Types whose DELETE answers with the object rather than a Success Status, as in the real registry.</summary>
    private static bool ReturnsDeletedObject(ResourceType type) =>
        type.IsCustom || (type.Group == "" && type.Plural is "pods" or "services" or "namespaces" or "persistentvolumes" or "persistentvolumeclaims")
        || type.Plural == "customresourcedefinitions";

    /// <summary>
    /// Deletes at once, or (with finalizers, and always for namespaces and CRDs) sets deletionTimestamp and
    /// leaves the rest to whoever owns the finalizers. Returns the body and status code to answer with.
    /// </summary>
    public (JsonObject Body, int Code) Delete(ResourceType type, string ns, string name, DeleteOptions options)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = cluster.Store.Get(type.StorageKey, type.Namespaced ? ns : "", name) ?? throw ApiException.NotFound(type, name);
            var obj = Meta.ParseObject(current.Json);
            var metadata = Meta.Metadata(obj);
            if (options.PreconditionUid is { } uid && uid != current.Uid)
            {
                throw ApiException.Conflict(type, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid}");
            }

            if (options.PreconditionResourceVersion is { } rv && rv != Rv(current))
            {
                throw ApiException.Conflict(type, name, $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {Rv(current)}");
            }

            var finalizers = metadata["finalizers"] as JsonArray;
            var isNamespace = type is { Group: "", Plural: "namespaces" };
            if (metadata["deletionTimestamp"] is not null)
            {
                return (obj, 200);
            }

            if (finalizers is { Count: > 0 } || isNamespace)
            {
                metadata["deletionTimestamp"] = cluster.Now();
                metadata["deletionGracePeriodSeconds"] = 0;
                if (isNamespace)
                {
                    obj["status"] = new JsonObject { ["phase"] = "Terminating" };
                }

                if (options.DryRun)
                {
                    return (obj, 200);
                }

                var result = cluster.Store.Update(type.StorageKey, current, next =>
                {
                    metadata["resourceVersion"] = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return ToStored(type, obj, next);
                });
                if (result.Status == CommitStatus.Conflict && attempt < 5)
                {
                    continue;
                }

                cluster.NotifyChanged();
                return (obj, isNamespace ? 200 : 202);
            }

            if (options.DryRun)
            {
                return (DeletedAnswer(type, obj, current), 200);
            }

            var gone = cluster.Store.Delete(type.StorageKey, current, next => Tombstone(type, obj, next));
            if (gone.Status == CommitStatus.Conflict && attempt < 5)
            {
                continue;
            }

            if (gone.Status != CommitStatus.Ok)
            {
                throw ApiException.NotFound(type, name);
            }

            AfterDelete(type, obj);
            return (DeletedAnswer(type, obj, current), 200);
        }
    }

    private static JsonObject DeletedAnswer(ResourceType type, JsonObject obj, StoredObject stored)
    {
        if (ReturnsDeletedObject(type))
        {
            return obj;
        }

        var details = new JsonObject { ["name"] = stored.Name };
        if (type.Group.Length > 0)
        {
            details["group"] = type.Group;
        }

        details["kind"] = type.Plural;
        details["uid"] = stored.Uid;
        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }

    private static StoredObject Tombstone(ResourceType type, JsonObject obj, long rv)
    {
        Meta.Metadata(obj)["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ToStored(type, obj, rv);
    }

    /// <summary>Removes an object whose last finalizer went away in an update.</summary>
    private JsonObject Remove(ResourceType type, StoredObject current, JsonObject updated)
    {
        var result = cluster.Store.Delete(type.StorageKey, current, rv => Tombstone(type, updated, rv));
        if (result.Status == CommitStatus.Conflict)
        {
            throw ApiException.StaleObject(type, current.Name);
        }

        AfterDelete(type, updated);
        return updated;
    }

    private void AfterDelete(ResourceType type, JsonObject obj)
    {
        if (type is { Group: "apiextensions.k8s.io", Plural: "customresourcedefinitions" })
        {
            cluster.Registry.SetCustom(Meta.Name(obj), []);
        }

        cluster.NotifyChanged();
    }

    /// <summary>Removes a finalizer (used by the emulated controllers), finishing a deletion when it was the last.</summary>
    public void RemoveFinalizer(ResourceType type, string ns, string name, string finalizer, bool fromSpec = false)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = cluster.Store.Get(type.StorageKey, ns, name);
            if (current is null)
            {
                return;
            }

            var old = Meta.ParseObject(current.Json);
            var updated = (JsonObject)old.DeepClone();
            var list = (fromSpec ? updated["spec"]?["finalizers"] : updated["metadata"]?["finalizers"]) as JsonArray;
            var item = list?.FirstOrDefault(f => f?.GetValue<string>() == finalizer);
            if (item is null)
            {
                return;
            }

            list!.Remove(item);
            try
            {
                Commit(type, current, old, updated, WriteOptions.System(fromSpec ? "kube-controller-manager" : "kube-apiserver"), fromSpec ? "finalize" : null);
                return;
            }
            catch (ApiException e) when (e.Code == 409)
            {
                // Changed meanwhile: read it again.
            }
        }
    }
}
