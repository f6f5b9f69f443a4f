using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Velero.Snapshotter.Tests.Support;

/// <summary>One object the test expects in the cluster, as the test itself understands it.</summary>
public sealed record ModelObject(string GroupResource, string? Namespace, string Name, JsonObject Body)
{
    public string Path => Namespace is null
        ? $"resources/{GroupResource}/cluster/{Name}.json"
        : $"resources/{GroupResource}/namespaces/{Namespace}/{Name}.json";

    public IReadOnlyDictionary<string, string> Labels =>
        Body["metadata"]?["labels"] as JsonObject is { } labels
            ? labels.ToDictionary(p => p.Key, p => (string?)p.Value ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>();

    public bool ExcludedByLabel => Labels.TryGetValue("velero.io/exclude-from-backup", out var v) && v == "true";
}

/// <summary>
/// The objects of an emulated cluster seeded with a manifest set, worked out by the test from the manifests and what
/// the emulator's README says every cluster has, and the items a backup must hold by the rules of spec section 4.
/// </summary>
public sealed class ClusterModel
{
    private readonly Dictionary<(string, string?, string), ModelObject> _objects = [];

    public IReadOnlyCollection<ModelObject> Objects => _objects.Values;

    /// <summary>
    /// The bootstrap objects, the manifests seeded (namespaced ones without a namespace in <c>default</c>, the first of
    /// duplicates kept) and the <c>default</c> ServiceAccount and <c>kube-root-ca.crt</c> ConfigMap of every namespace.
    /// <paramref name="resourceOf"/> maps apiVersion and kind to the plural <c>resource.group</c> and scope.
    /// </summary>
    public static ClusterModel Build(IEnumerable<JsonObject> manifests, Func<string, string, (string GroupResource, bool Namespaced)> resourceOf,
        string contextName = "emulator")
    {
        var model = new ClusterModel();
        foreach (var ns in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            model.Add("namespaces", null, ns);
        }

        model.Add("services", "default", "kubernetes");
        model.Add("nodes", null, $"{contextName}-control-plane");
        model.Add("priorityclasses.scheduling.k8s.io", null, "system-cluster-critical");
        model.Add("priorityclasses.scheduling.k8s.io", null, "system-node-critical");
        model.Add("storageclasses.storage.k8s.io", null, "standard");
        foreach (var role in new[] { "cluster-admin", "view", "edit", "admin" })
        {
            model.Add("clusterroles.rbac.authorization.k8s.io", null, role);
        }

        model.Add("clusterrolebindings.rbac.authorization.k8s.io", null, "cluster-admin", new JsonObject
        {
            ["roleRef"] = new JsonObject { ["kind"] = "ClusterRole", ["name"] = "cluster-admin" },
            ["subjects"] = new JsonArray(new JsonObject { ["kind"] = "Group", ["name"] = "system:masters" }),
        });

        foreach (var obj in manifests)
        {
            var (groupResource, namespaced) = resourceOf((string)obj["apiVersion"]!, (string)obj["kind"]!);
            var ns = namespaced ? (string?)obj["metadata"]?["namespace"] is { Length: > 0 } given ? given : "default" : null;
            model._objects.TryAdd((groupResource, ns, (string)obj["metadata"]!["name"]!), new ModelObject(groupResource, ns,
                (string)obj["metadata"]!["name"]!, obj));
        }

        foreach (var ns in model.Objects.Where(o => o.GroupResource == "namespaces").Select(o => o.Name).ToList())
        {
            model.Add("serviceaccounts", ns, "default");
            model.Add("configmaps", ns, "kube-root-ca.crt");
        }

        return model;
    }

    public ModelObject? Find(string groupResource, string? ns, string name) => _objects.GetValueOrDefault((groupResource, ns, name));

    /// <summary>
    /// The item paths a backup must hold (spec 4.2 to 4.4) with old filters and <c>includeClusterResources</c> unset:
    /// <paramref name="namespaces"/> null is a full-cluster backup (cluster-scoped types listed), else only those
    /// namespaces' items are listed; a label selector filters what is listed; related items (pod to claim, claim to
    /// volume, ServiceAccount to ClusterRoleBindings and their ClusterRoles) are added whatever their labels; Namespace
    /// objects and, when cluster-scoped types are not listed, the CRDs of backed-up custom resources at the end. CSI
    /// snapshot types never; items labelled velero.io/exclude-from-backup=true never.
    /// </summary>
    public IReadOnlySet<string> ExpectedPaths(IReadOnlyCollection<string>? namespaces, (string Key, string Value)? selector = null)
    {
        var all = namespaces is null;
        bool NamespaceIncluded(string? ns) => ns is null || all || namespaces!.Contains(ns);
        bool Matches(ModelObject o) => selector is not { } s || (o.Labels.TryGetValue(s.Key, out var v) && v == s.Value);
        string[] autoExcluded = ["volumesnapshots.snapshot.storage.k8s.io", "volumesnapshotcontents.snapshot.storage.k8s.io"];

        var expected = new Dictionary<(string, string?, string), ModelObject>();
        var queue = new Queue<ModelObject>();
        void Take(ModelObject o)
        {
            if (!o.ExcludedByLabel && NamespaceIncluded(o.Namespace) && expected.TryAdd((o.GroupResource, o.Namespace, o.Name), o))
            {
                queue.Enqueue(o);
            }
        }

        foreach (var o in Objects.Where(o => o.GroupResource != "namespaces" && !autoExcluded.Contains(o.GroupResource)))
        {
            if ((o.Namespace is not null || all) && Matches(o))
            {
                Take(o);
            }
        }

        while (queue.TryDequeue(out var item))
        {
            foreach (var related in Related(item))
            {
                Take(related);
            }
        }

        foreach (var ns in Objects.Where(o => o.GroupResource == "namespaces" && !o.ExcludedByLabel))
        {
            var holds = expected.Values.Any(o => o.Namespace == ns.Name);
            if (holds || (selector is not null && Matches(ns)) || (!(all && selector is not null) && NamespaceIncluded(ns.Name)))
            {
                expected.TryAdd(("namespaces", null, ns.Name), ns);
            }
        }

        if (!all)
        {
            foreach (var groupResource in expected.Values.Select(o => o.GroupResource).Where(g => g.Contains('.')).Distinct().ToList())
            {
                if (Find("customresourcedefinitions.apiextensions.k8s.io", null, groupResource) is { ExcludedByLabel: false } crd)
                {
                    expected.TryAdd((crd.GroupResource, null, crd.Name), crd);
                }
            }
        }

        return expected.Values.Select(o => o.Path).ToHashSet(StringComparer.Ordinal);
    }

    private IEnumerable<ModelObject> Related(ModelObject item)
    {
        switch (item.GroupResource)
        {
            case "pods":
                foreach (var volume in item.Body["spec"]?["volumes"] as JsonArray ?? [])
                {
                    if ((string?)volume?["persistentVolumeClaim"]?["claimName"] is { } claim && Find("persistentvolumeclaims", item.Namespace, claim) is { } pvc)
                    {
                        yield return pvc;
                    }
                }

                break;
            case "persistentvolumeclaims":
                if ((string?)item.Body["spec"]?["volumeName"] is { Length: > 0 } pvName && Find("persistentvolumes", null, pvName) is { } pv)
                {
                    yield return pv;
                }

                break;
            case "serviceaccounts":
                foreach (var binding in Objects.Where(o => o.GroupResource == "clusterrolebindings.rbac.authorization.k8s.io"))
                {
                    var subjects = binding.Body["subjects"] as JsonArray ?? [];
                    if (subjects.Any(s => (string?)s?["kind"] == "ServiceAccount" && (string?)s?["namespace"] == item.Namespace && (string?)s?["name"] == item.Name))
                    {
                        yield return binding;
                        if ((string?)binding.Body["roleRef"]?["kind"] == "ClusterRole"
                            && Find("clusterroles.rbac.authorization.k8s.io", null, (string)binding.Body["roleRef"]!["name"]!) is { } role)
                        {
                            yield return role;
                        }
                    }
                }

                break;
        }
    }

    private void Add(string groupResource, string? ns, string name, JsonObject? body = null)
    {
        var obj = body ?? new JsonObject();
        obj["metadata"] = new JsonObject { ["name"] = name };
        _objects.TryAdd((groupResource, ns, name), new ModelObject(groupResource, ns, name, obj));
    }

    /// <summary>Every document of every YAML/JSON file under the directory, <c>*List</c> kinds unwrapped.</summary>
    public static IEnumerable<JsonObject> ReadManifests(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(file);
            foreach (var obj in ReadDocuments(reader))
            {
                yield return obj;
            }
        }
    }

    /// <summary>The objects of a multi-document YAML text, <c>*List</c> kinds unwrapped.</summary>
    public static IEnumerable<JsonObject> ReadDocuments(TextReader reader)
    {
        var stream = new YamlStream();
        stream.Load(reader);
        foreach (var document in stream.Documents)
        {
            if (ToJson(document.RootNode) is not JsonObject obj || (string?)obj["kind"] is not { Length: > 0 } kind)
            {
                continue;
            }

            if (kind.EndsWith("List", StringComparison.Ordinal) && obj["items"] is JsonArray items)
            {
                foreach (var item in items.OfType<JsonObject>())
                {
                    yield return (JsonObject)item.DeepClone();
                }
            }
            else
            {
                yield return obj;
            }
        }
    }

    // YAML 1.2 core schema for unquoted scalars: booleans and numbers are typed, everything else is a string.
    private static JsonValue PlainScalar(string value) =>
        value switch
        {
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when System.Text.RegularExpressions.Regex.IsMatch(value, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
                => JsonValue.Create(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(value),
        };

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Value: null or "~" or "null" } scalar when scalar.Style == YamlDotNet.Core.ScalarStyle.Plain => null,
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar => PlainScalar(scalar.Value!),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };
}
