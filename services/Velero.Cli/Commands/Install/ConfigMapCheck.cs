using System.Text.Json;
using Velero.Cli.CommandLine;
using Velero.Cli.Install;
using Velero.Kubernetes.Raw;

namespace Velero.Cli.Commands.Install;

/// <summary>
/// Upstream checks that the ConfigMaps named by <c>--node-agent-configmap</c>, <c>--repo-maintenance-job-configmap</c>
/// and <c>--backup-repository-configmap</c> exist in the namespace and that every value is JSON (kube.VerifyJSONConfigs).
/// </summary>
internal static class ConfigMapCheck
{
    public static async Task VerifyAsync(CommandContext ctx, InstallOptions options)
    {
        var named = new[]
        {
            ("--node-agent-configmap", options.NodeAgentConfigMap),
            ("--repo-maintenance-job-configmap", options.RepoMaintenanceJobConfigMap),
            ("--backup-repository-configmap", options.BackupRepositoryConfigMap),
        };
        foreach (var (flag, name) in named.Where(n => n.Item2.Length > 0))
        {
            if (await ProblemAsync(ctx, options.Namespace, name) is { } problem)
            {
                throw new CliException($"{flag} specified ConfigMap {name} is invalid: {problem}");
            }
        }
    }

    private static async Task<string?> ProblemAsync(CommandContext ctx, string @namespace, string name)
    {
        var map = await new ClusterApi(ctx.Kube()).GetAsync($"{ObjectPaths.Collection("v1", "configmaps", @namespace)}/{name}", ctx.CancellationToken);
        if (map is null)
        {
            return $"fail to find ConfigMap {name}: configmaps \"{name}\" not found";
        }

        if (map["data"] is not System.Text.Json.Nodes.JsonObject data)
        {
            return $"data is not available in ConfigMap {name}";
        }

        foreach (var (_, value) in data)
        {
            try
            {
                using var _ = JsonDocument.Parse((string?)value ?? "");
            }
            catch (JsonException e)
            {
                return $"error to unmarshall data from ConfigMap {name}: {e.Message}";
            }
        }

        return null;
    }
}
