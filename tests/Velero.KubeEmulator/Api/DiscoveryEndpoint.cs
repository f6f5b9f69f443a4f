using System.Text.Json.Nodes;
using Velero.KubeEmulator.Resources;

namespace Velero.KubeEmulator.Api;

/// <summary>
/// Discovery in both forms: aggregated (apidiscovery.k8s.io/v2 and v2beta1, when the Accept header asks for
/// it) and legacy (APIVersions, APIGroupList, APIGroup, APIResourceList), which KubernetesClient uses.
/// </summary>
internal sealed class DiscoveryEndpoint(ResourceRegistry registry)
{
    public Task ApiAsync(HttpContext context) => Aggregated(context) is { } version
        ? WriteAggregatedAsync(context, version, core: true)
        : Responses.WriteJsonAsync(context, new JsonObject
        {
            ["kind"] = "APIVersions",
            ["versions"] = new JsonArray("v1"),
            ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject
            {
                ["clientCIDR"] = "0.0.0.0/0",
                ["serverAddress"] = context.Request.Host.Value,
            }),
        });

    public Task ApisAsync(HttpContext context) => Aggregated(context) is { } version
        ? WriteAggregatedAsync(context, version, core: false)
        : Responses.WriteJsonAsync(context, new JsonObject
        {
            ["kind"] = "APIGroupList",
            ["apiVersion"] = "v1",
            ["groups"] = new JsonArray([.. Groups().Select(g => (JsonNode)Group(g.Key, g.Value))]),
        });

    public Task GroupAsync(HttpContext context, string group)
    {
        if (!Groups().TryGetValue(group, out var versions))
        {
            return Responses.WriteErrorAsync(context, ApiException.ResourceNotFound());
        }

        var body = Group(group, versions);
        body["kind"] = "APIGroup";
        body["apiVersion"] = "v1";
        return Responses.WriteJsonAsync(context, body);
    }

    public Task ResourceListAsync(HttpContext context, string group, string version)
    {
        var types = registry.All.Where(t => t.Group == group && t.Version == version).ToList();
        if (types.Count == 0)
        {
            return Responses.WriteErrorAsync(context, ApiException.ResourceNotFound());
        }

        var resources = new JsonArray();
        foreach (var t in types)
        {
            var entry = new JsonObject
            {
                ["name"] = t.Plural,
                ["singularName"] = t.SingularName,
                ["namespaced"] = t.Namespaced,
                ["kind"] = t.Kind,
                ["verbs"] = Strings(t.Verbs),
            };
            if (t.ShortNames.Count > 0)
            {
                entry["shortNames"] = Strings(t.ShortNames);
            }

            if (t.Categories.Count > 0)
            {
                entry["categories"] = Strings(t.Categories);
            }

            resources.Add(entry);
            foreach (var sub in Subresources.Of(t))
            {
                var subEntry = new JsonObject { ["name"] = $"{t.Plural}/{sub.Name}", ["singularName"] = "", ["namespaced"] = t.Namespaced };
                if (sub.Group != t.Group || sub.Version != t.Version)
                {
                    subEntry["group"] = sub.Group;
                    subEntry["version"] = sub.Version;
                }

                subEntry["kind"] = sub.Kind;
                subEntry["verbs"] = Strings(sub.Verbs);
                resources.Add(subEntry);
            }
        }

        return Responses.WriteJsonAsync(context, new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        });
    }

    private static string? Aggregated(HttpContext context)
    {
        var accept = context.Request.Headers.Accept.ToString();
        foreach (var option in accept.Split(','))
        {
            if (option.Contains("g=apidiscovery.k8s.io", StringComparison.Ordinal) && option.Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal))
            {
                if (option.Contains("v=v2beta1", StringComparison.Ordinal))
                {
                    return "v2beta1";
                }

                if (option.Contains("v=v2", StringComparison.Ordinal))
                {
                    return "v2";
                }
            }
        }

        return null;
    }

    private Task WriteAggregatedAsync(HttpContext context, string version, bool core)
    {
        var items = new JsonArray();
        foreach (var (group, versions) in Groups(includeCore: core).Where(g => core == (g.Key.Length == 0)))
        {
            items.Add(new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = group, ["creationTimestamp"] = null },
                ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)new JsonObject
                {
                    ["version"] = v,
                    ["resources"] = new JsonArray([.. registry.All.Where(t => t.Group == group && t.Version == v).Select(AggregatedResource)]),
                    ["freshness"] = "Current",
                })]),
            });
        }

        context.Response.Headers.Vary = "Accept";
        return Responses.WriteJsonAsync(context, new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = $"apidiscovery.k8s.io/{version}",
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        }, 200, $"application/json;g=apidiscovery.k8s.io;v={version};as=APIGroupDiscoveryList");
    }

    private static JsonNode AggregatedResource(ResourceType t)
    {
        var entry = new JsonObject
        {
            ["resource"] = t.Plural,
            ["responseKind"] = new JsonObject { ["group"] = "", ["version"] = "", ["kind"] = t.Kind },
            ["scope"] = t.Namespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = t.SingularName,
            ["verbs"] = Strings(t.Verbs),
        };
        if (t.ShortNames.Count > 0)
        {
            entry["shortNames"] = Strings(t.ShortNames);
        }

        if (t.Categories.Count > 0)
        {
            entry["categories"] = Strings(t.Categories);
        }

        var subs = Subresources.Of(t).Select(s => (JsonNode)new JsonObject
        {
            ["subresource"] = s.Name,
            ["responseKind"] = new JsonObject { ["group"] = s.Group, ["version"] = s.Version, ["kind"] = s.Kind },
            ["verbs"] = Strings(s.Verbs),
        }).ToArray();
        if (subs.Length > 0)
        {
            entry["subresources"] = new JsonArray(subs);
        }

        return entry;
    }

    /// <summary>Groups in a stable order (core, built-ins, then CRD groups), versions by preference.</summary>
    private Dictionary<string, List<string>> Groups(bool includeCore = false)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var group in registry.All.Select(t => t.Group).Distinct())
        {
            if (group.Length == 0 && !includeCore)
            {
                continue;
            }

            result[group] = [.. VersionOrder.Sort(registry.All.Where(t => t.Group == group).Select(t => t.Version))];
        }

        return result;
    }

    private static JsonObject Group(string name, List<string> versions)
    {
        JsonNode Gv(string v) => new JsonObject { ["groupVersion"] = $"{name}/{v}", ["version"] = v };
        return new JsonObject
        {
            ["name"] = name,
            ["versions"] = new JsonArray([.. versions.Select(Gv)]),
            ["preferredVersion"] = Gv(versions[0]),
        };
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
