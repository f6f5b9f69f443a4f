using System.Text.Json.Nodes;
using Velero.KubeEmulator.Engine;
using Velero.KubeEmulator.Json;

namespace Velero.KubeEmulator.Auth;

/// <summary>What is asked: a verb on a resource (group, resource, subresource, namespace, name) or on a path.</summary>
public sealed record Attributes(string Verb, string Group, string Resource, string? Subresource, string Namespace, string Name, string? Path = null)
{
    public bool IsResource => Path is null;
}

/// <summary>
/// The RBAC authorizer over the Roles, ClusterRoles and bindings stored in the emulator. Admin is allowed
/// everything (system:masters); every authenticated user may use discovery, as the default system:discovery,
/// system:basic-user and system:public-info-viewer bindings allow on a real cluster.
/// </summary>
public sealed class RbacAuthorizer(Cluster cluster)
{
    private static readonly string[] DiscoveryPaths = ["/api", "/api/*", "/apis", "/apis/*", "/version", "/version/", "/openapi", "/openapi/*", "/healthz", "/livez", "/readyz"];

    public bool Allows(Identity identity, Attributes request)
    {
        if (identity.IsAdmin)
        {
            return true;
        }

        if (!request.IsResource)
        {
            if (request.Verb == "get" && DiscoveryPaths.Any(p => PathMatches(p, request.Path!)))
            {
                return true;
            }
        }
        else if (request.Verb == "create" && request.Group is "authorization.k8s.io" or "authentication.k8s.io"
            && request.Resource is "selfsubjectaccessreviews" or "selfsubjectrulesreviews" or "selfsubjectreviews")
        {
            return true;
        }

        return RulesFor(identity, request.Namespace).Any(rule => RuleAllows(rule, request));
    }

    private IEnumerable<JsonObject> RulesFor(Identity identity, string ns)
    {
        var clusterRoles = cluster.Type("rbac.authorization.k8s.io", "clusterroles");
        var roles = cluster.Type("rbac.authorization.k8s.io", "roles");
        var bindings = cluster.Store.List(cluster.Type("rbac.authorization.k8s.io", "clusterrolebindings").StorageKey, null).Items.AsEnumerable();
        if (ns.Length > 0)
        {
            bindings = bindings.Concat(cluster.Store.List(cluster.Type("rbac.authorization.k8s.io", "rolebindings").StorageKey, ns).Items);
        }

        foreach (var stored in bindings)
        {
            var binding = Meta.ParseObject(stored.Json);
            if (!(binding["subjects"] as JsonArray ?? []).OfType<JsonObject>().Any(s => SubjectMatches(s, identity, stored.Namespace)))
            {
                continue;
            }

            var roleRef = binding["roleRef"];
            var roleName = Meta.Str(roleRef, "name") ?? "";
            var role = Meta.Str(roleRef, "kind") == "Role" && stored.Namespace.Length > 0
                ? cluster.Store.Get(roles.StorageKey, stored.Namespace, roleName)
                : cluster.Store.Get(clusterRoles.StorageKey, "", roleName);
            if (role is null)
            {
                continue;
            }

            foreach (var rule in (Meta.ParseObject(role.Json)["rules"] as JsonArray ?? []).OfType<JsonObject>())
            {
                yield return rule;
            }
        }
    }

    private static bool SubjectMatches(JsonObject subject, Identity identity, string bindingNamespace)
    {
        var name = Meta.Str(subject, "name") ?? "";
        return Meta.Str(subject, "kind") switch
        {
            "ServiceAccount" => identity.User == $"system:serviceaccount:{Meta.Str(subject, "namespace") ?? bindingNamespace}:{name}",
            "User" => identity.User == name,
            "Group" => identity.Groups.Contains(name),
            _ => false,
        };
    }

    private static bool RuleAllows(JsonObject rule, Attributes request)
    {
        if (!Has(rule["verbs"], request.Verb))
        {
            return false;
        }

        if (!request.IsResource)
        {
            return Meta.Strings(rule["nonResourceURLs"]).Any(p => PathMatches(p, request.Path!));
        }

        if (!Has(rule["apiGroups"], request.Group))
        {
            return false;
        }

        var resources = Meta.Strings(rule["resources"]);
        var wanted = request.Subresource is null ? request.Resource : $"{request.Resource}/{request.Subresource}";
        var resourceOk = resources.Any(r => r == "*" || r == wanted
            || (request.Subresource is not null && (r == $"*/{request.Subresource}" || r == $"{request.Resource}/*")));
        if (!resourceOk)
        {
            return false;
        }

        var names = Meta.Strings(rule["resourceNames"]);
        return names.Count == 0 || (request.Name.Length > 0 && names.Contains(request.Name));
    }

    private static bool Has(JsonNode? list, string value) => Meta.Strings(list).Any(v => v == "*" || v == value);

    private static bool PathMatches(string pattern, string path) =>
        pattern == "*" || pattern == path || (pattern.EndsWith('*') && path.StartsWith(pattern[..^1], StringComparison.Ordinal));

    /// <summary>The reason text of a 403, worded as the RBAC authorizer words it.</summary>
    public static string Reason(Identity identity, Attributes request)
    {
        if (!request.IsResource)
        {
            return $"User \"{identity.User}\" cannot {request.Verb} path \"{request.Path}\"";
        }

        var resource = request.Subresource is null ? request.Resource : $"{request.Resource}/{request.Subresource}";
        var scope = request.Namespace.Length > 0 ? $"in the namespace \"{request.Namespace}\"" : "at the cluster scope";
        return $"User \"{identity.User}\" cannot {request.Verb} resource \"{resource}\" in API group \"{request.Group}\" {scope}";
    }
}
