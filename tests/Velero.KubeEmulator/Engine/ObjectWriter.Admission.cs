using System.Text.Json.Nodes;
using Velero.KubeEmulator.Admission;
using Velero.KubeEmulator.Api;
using Velero.KubeEmulator.Crds;
using Velero.KubeEmulator.Json;
using Velero.KubeEmulator.Resources;

namespace Velero.KubeEmulator.Engine;

public sealed partial class ObjectWriter
{
    /// <summary>Pruning and field validation, before managedFields are recorded.</summary>
    private static void Prune(ResourceType type, JsonObject obj, WriteOptions options)
    {
        var unknown = new List<string>();
        if (type.Schema is not null)
        {
            unknown.AddRange(SchemaPruner.Prune(obj, type.Schema));
        }
        else
        {
            SchemaPruner.UnknownMetadata(obj["metadata"], "metadata", unknown);
            if (type.TopLevelFields is { } known)
            {
                unknown.AddRange(obj.Select(p => p.Key).Where(k => !known.Contains(k)));
            }
        }

        if (unknown.Count > 0)
        {
            switch (options.FieldValidation)
            {
                case "Strict":
                    var list = string.Join(", ", unknown.Select(u => $"unknown field \"{u}\""));
                    throw ApiException.BadRequest($"{type.Kind} in version \"{type.Version}\" cannot be handled as a {type.Kind}: strict decoding error: {list}");
                case "Warn":
                    options.Warnings.AddRange(unknown.Select(u => $"unknown field \"{u}\""));
                    break;
            }

            if (type.Schema is null)
            {
                // Built-in types drop what their Go structs cannot hold.
                foreach (var field in unknown.Where(u => !u.Contains('.')))
                {
                    obj.Remove(field);
                }

                if (obj["metadata"] is JsonObject metadata)
                {
                    foreach (var field in unknown.Where(u => u.StartsWith("metadata.", StringComparison.Ordinal)))
                    {
                        metadata.Remove(field["metadata.".Length..]);
                    }
                }
            }
        }

    }

    /// <summary>
    /// Defaults and server-set fields, then validation. Runs after managedFields are recorded, so what the
    /// server fills in (namespace finalizers, cluster IPs, status phases) is owned by no client, and a later
    /// server-side apply that omits it never removes it.
    /// </summary>
    private void DefaultAndValidate(ResourceType type, JsonObject obj, JsonObject? old)
    {
        Defaults.Apply(type, obj, old, cluster.Services);
        var errors = new List<FieldError>();
        var name = Meta.Name(obj);
        if (old is null)
        {
            errors.AddRange(NameRules.CheckName(type, name));
        }

        if (old is not null)
        {
            errors.AddRange(ImmutableFields.Check(type, old, obj));
        }

        errors.AddRange(NameRules.CheckAnnotations(Meta.StringMap(obj["metadata"]?["annotations"])));
        if (type is { Group: "apiextensions.k8s.io", Plural: "customresourcedefinitions" })
        {
            errors.AddRange(CrdTypes.Validate(obj));
            if (errors.Count == 0)
            {
                DefaultCrd(obj, old);
            }
        }

        if (errors.Count > 0)
        {
            throw ApiException.Invalid(type, name, errors);
        }
    }

    private void DefaultCrd(JsonObject crd, JsonObject? old)
    {
        var names = (JsonObject)crd["spec"]!["names"]!;
        var kind = Meta.Str(names, "kind")!;
        names["singular"] ??= kind.ToLowerInvariant();
        names["listKind"] ??= kind + "List";
        var spec = (JsonObject)crd["spec"]!;
        spec["conversion"] ??= new JsonObject { ["strategy"] = "None" };
        if (old is null)
        {
            var finalizers = Meta.Metadata(crd)["finalizers"] as JsonArray ?? [];
            if (!finalizers.Any(f => f?.GetValue<string>() == CrdCleanupFinalizer))
            {
                finalizers.Add(CrdCleanupFinalizer);
            }

            Meta.Metadata(crd)["finalizers"] = finalizers.Parent is null ? finalizers : finalizers.DeepClone();
        }

        CrdTypes.SetEstablished(crd, old, cluster.Now());
    }

    public const string CrdCleanupFinalizer = "customresourcecleanup.apiextensions.k8s.io";

    /// <summary>What the real controllers do right after a write: serve CRDs, fill new namespaces.</summary>
    private void AfterWrite(ResourceType type, JsonObject? old, JsonObject obj)
    {
        switch ((type.Group, type.Plural))
        {
            case ("apiextensions.k8s.io", "customresourcedefinitions"):
                cluster.Registry.SetCustom(Meta.Name(obj), CrdTypes.Served(obj));
                break;
            case ("", "namespaces") when old is null:
                FillNamespace(Meta.Name(obj));
                break;
        }

        if (obj["metadata"]?["deletionTimestamp"] is not null)
        {
            cluster.NotifyChanged();
        }
    }

    /// <summary>The ServiceAccount and root-CA ConfigMap controllers' work in a new namespace.</summary>
    private void FillNamespace(string ns)
    {
        var options = WriteOptions.System("kube-controller-manager");
        TryCreate(cluster.Type("", "serviceaccounts"), ns, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ServiceAccount",
            ["metadata"] = new JsonObject { ["name"] = "default" },
        }, options);
        TryCreate(cluster.Type("", "configmaps"), ns, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject
            {
                ["name"] = "kube-root-ca.crt",
                ["annotations"] = new JsonObject { ["kubernetes.io/description"] = "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters." },
            },
            ["data"] = new JsonObject { ["ca.crt"] = EmulatorCertificate.Pem },
        }, options);
    }

    private void TryCreate(ResourceType type, string ns, JsonObject body, WriteOptions options)
    {
        try
        {
            Create(type, ns, body, options);
        }
        catch (ApiException e) when (e.Code == 409)
        {
            // Already there (seeded or created by a client first): as the real controllers, leave it.
        }
    }
}
