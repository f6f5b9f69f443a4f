using System.Text.Json.Nodes;
using Velero.KubeEmulator.Api;
using Velero.KubeEmulator.Json;
using Velero.KubeEmulator.Resources;

namespace Velero.KubeEmulator.Engine;

/// <summary>Identity checks of a request body against its URL, and the NamespaceLifecycle admission rule.</summary>
public sealed partial class ObjectWriter
{
    private static void CheckKind(ResourceType type, JsonObject body)
    {
        var apiVersion = Meta.Str(body, "apiVersion");
        var kind = Meta.Str(body, "kind");
        if (string.IsNullOrEmpty(kind))
        {
            // Built-in endpoints decode with their own kind as the default; unstructured (custom) ones cannot.
            if (type.IsCustom)
            {
                throw ApiException.BadRequest($"Object 'Kind' is missing in '{Truncate(body.ToJsonString())}'");
            }

            kind = type.Kind;
            body["kind"] = kind;
        }

        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != type.ApiVersion)
        {
            throw ApiException.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion})");
        }

        if (kind != type.Kind)
        {
            throw ApiException.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({type.Kind})");
        }

        body["apiVersion"] = type.ApiVersion;
    }

    private static string Truncate(string s) => s.Length > 200 ? s[..200] : s;

    private static void PlaceInNamespace(ResourceType type, string ns, JsonObject metadata)
    {
        if (!type.Namespaced)
        {
            metadata.Remove("namespace");
            return;
        }

        var given = Meta.Str(metadata, "namespace");
        if (!string.IsNullOrEmpty(given) && given != ns)
        {
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        metadata["namespace"] = ns;
    }

    private static void CheckIdentity(ResourceType type, string ns, string name, JsonObject metadata)
    {
        PlaceInNamespace(type, ns, metadata);
        var given = Meta.Str(metadata, "name");
        if (!string.IsNullOrEmpty(given) && given != name)
        {
            throw ApiException.BadRequest($"the name of the object ({given}) does not match the name on the URL ({name})");
        }

        metadata["name"] = name;
    }

    /// <summary>The NamespaceLifecycle admission plugin: no content in missing or terminating namespaces.</summary>
    private void CheckNamespaceWritable(ResourceType type, string name, JsonObject metadata)
    {
        if (!type.Namespaced)
        {
            return;
        }

        var ns = Meta.Str(metadata, "namespace") ?? "";
        var namespaces = cluster.Type("", "namespaces");
        var stored = cluster.Store.Get(namespaces.StorageKey, "", ns) ?? throw ApiException.NamespaceNotFound(ns);
        // A byte search rather than a parse: this runs on every namespaced create.
        if (stored.Json.AsSpan().IndexOf("\"deletionTimestamp\""u8) >= 0)
        {
            var error = ApiException.Forbidden(type, name, $"unable to create new content in namespace {ns} because it is being terminated");
            error.Details!["causes"] = new JsonArray(new JsonObject
            {
                ["reason"] = "NamespaceTerminating",
                ["message"] = $"namespace {ns} is being terminated",
                ["field"] = "metadata.namespace",
            });
            throw error;
        }
    }
}
