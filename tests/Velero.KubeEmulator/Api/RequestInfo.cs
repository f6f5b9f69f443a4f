using Velero.KubeEmulator.Resources;

namespace Velero.KubeEmulator.Api;

/// <summary>A resource request decoded from its path and method, as the apiserver's RequestInfoFactory does.</summary>
public sealed record RequestInfo
{
    public required ResourceType Type { get; init; }
    public string Namespace { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Subresource { get; init; }

    /// <summary>get, list, watch, create, update, patch, delete or deletecollection.</summary>
    public required string Verb { get; init; }

    /// <summary>
    /// Decodes "/api/v1/..." or "/apis/g/v/..."; null when the path names no known resource. The group/version
    /// prefix is given separately (group may be empty for the core group).
    /// </summary>
    public static RequestInfo? Parse(ResourceRegistry registry, string group, string version, string[] rest, string method, bool watch)
    {
        if (rest.Length == 0)
        {
            return null;
        }

        string ns = "", plural, name = "";
        string? sub = null;
        if (rest[0] == "namespaces" && rest.Length >= 3 && registry.Find(group, version, rest[2]) is { Namespaced: true })
        {
            ns = rest[1];
            plural = rest[2];
            name = rest.Length > 3 ? rest[3] : "";
            sub = rest.Length > 4 ? string.Join('/', rest[4..]) : null;
        }
        else
        {
            plural = rest[0];
            name = rest.Length > 1 ? rest[1] : "";
            sub = rest.Length > 2 ? string.Join('/', rest[2..]) : null;
        }

        var type = registry.Find(group, version, plural);
        if (type is null)
        {
            return null;
        }

        var verb = method switch
        {
            "GET" or "HEAD" when name.Length == 0 => watch ? "watch" : "list",
            "GET" or "HEAD" => watch ? "watch" : "get",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" when name.Length == 0 => "deletecollection",
            "DELETE" => "delete",
            _ => method.ToLowerInvariant(),
        };
        return new RequestInfo { Type = type, Namespace = ns, Name = name, Subresource = sub, Verb = verb };
    }
}
