using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.Plugin;

/// <summary>
/// The velero server Deployment as upstream's plugin commands find it (label <c>component=velero</c>, a container
/// named <c>velero</c>), and the merge patch that replaces its pod template's lists.
/// </summary>
internal static class VeleroDeployment
{
    public const string PluginsVolume = "plugins";
    public const string VeleroContainer = "velero";

    public static async Task<V1Deployment> FindAsync(CommandContext ctx)
    {
        var deployments = await ctx.Kube().AppsV1.ListNamespacedDeploymentAsync(ctx.Namespace, labelSelector: "component=velero",
            cancellationToken: ctx.CancellationToken);
        return deployments.Items.FirstOrDefault(d => d.Spec.Template.Spec.Containers.Any(c => c.Name == VeleroContainer))
            ?? throw new CliException("Velero deployment not found");
    }

    /// <summary>A JSON merge patch setting the pod spec's lists wholesale, as Go's CreateMergePatch produces.</summary>
    public static Task PatchPodSpecAsync(CommandContext ctx, V1Deployment deployment, V1PodSpec podSpec, bool withVolumes)
    {
        var spec = new JsonObject { ["initContainers"] = JsonNode.Parse(KubernetesJson.Serialize(podSpec.InitContainers ?? [])) };
        if (withVolumes)
        {
            spec["volumes"] = JsonNode.Parse(KubernetesJson.Serialize(podSpec.Volumes));
            spec["containers"] = JsonNode.Parse(KubernetesJson.Serialize(podSpec.Containers));
        }

        var patch = new JsonObject { ["spec"] = new JsonObject { ["template"] = new JsonObject { ["spec"] = spec } } };
        return ctx.Kube().AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch),
            deployment.Metadata.Name, deployment.Metadata.NamespaceProperty, cancellationToken: ctx.CancellationToken);
    }

    /// <summary>
    /// Upstream's container name for a plugin image: the repository path without registry, tag or digest, with
    /// <c>/ _ .</c> as dashes, cut to 63 characters with a hash suffix when longer.
    /// </summary>
    public static string ContainerName(string image)
    {
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        var slashes = slash >= 0 ? image[slash..].Count(c => c == '/') : 0;
        var start = slashes > 1 || slash == 0 ? slash + 1 : 0;
        var end = image.Length;
        var at = image.LastIndexOf('@');
        if (at > 0)
        {
            end = at;
        }
        else if (image.LastIndexOf(':') is var colon and > 0)
        {
            end = colon;
        }

        var name = image[start..Math.Max(start, end)].Replace('/', '-').Replace('_', '-').Replace('.', '-');
        if (name.Length <= 63)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
        return name[..57] + hash[..6];
    }
}
