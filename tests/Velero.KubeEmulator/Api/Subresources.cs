using Velero.KubeEmulator.Resources;

namespace Velero.KubeEmulator.Api;

/// <summary>The subresources of a resource as discovery lists them: name, response kind and verbs.</summary>
internal static class Subresources
{
    public sealed record Entry(string Name, string Group, string Version, string Kind, string[] Verbs);

    public static IEnumerable<Entry> Of(ResourceType type)
    {
        if (type.HasStatus)
        {
            yield return new Entry("status", type.Group, type.Version, type.Kind, ["get", "patch", "update"]);
        }

        if (type.Scale is not null)
        {
            yield return new Entry("scale", "autoscaling", "v1", "Scale", ["get", "patch", "update"]);
        }

        foreach (var extra in type.ExtraSubresources)
        {
            yield return extra switch
            {
                "exec" => new Entry(extra, "", "v1", "PodExecOptions", ["create", "get"]),
                "attach" => new Entry(extra, "", "v1", "PodAttachOptions", ["create", "get"]),
                "portforward" => new Entry(extra, "", "v1", "PodPortForwardOptions", ["create", "get"]),
                "log" => new Entry(extra, "", "v1", "Pod", ["get"]),
                "eviction" => new Entry(extra, "policy", "v1", "Eviction", ["create"]),
                "binding" => new Entry(extra, "", "v1", "Binding", ["create"]),
                "token" => new Entry(extra, "authentication.k8s.io", "v1", "TokenRequest", ["create"]),
                "finalize" => new Entry(extra, "", "v1", "Namespace", ["update"]),
                _ => new Entry(extra, type.Group, type.Version, type.Kind, ["get"]),
            };
        }
    }
}
