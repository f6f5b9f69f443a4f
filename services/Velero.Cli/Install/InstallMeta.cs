using k8s.Models;

namespace Velero.Cli.Install;

/// <summary>Object metadata, pod labels and pod annotations as upstream's install package builds them.</summary>
public static class InstallMeta
{
    public static V1ObjectMeta For(string? @namespace, string name) => new()
    {
        Name = name,
        NamespaceProperty = @namespace,
        Labels = new Dictionary<string, string>(InstallNames.Labels),
    };

    /// <summary><c>component: velero</c>, then the user's <c>--pod-labels</c>, then the workload's own (which select it).</summary>
    public static Dictionary<string, string> PodLabels(InstallOptions options, IReadOnlyDictionary<string, string> own)
    {
        var labels = new Dictionary<string, string>(InstallNames.Labels);
        foreach (var (key, value) in options.PodLabels.Concat(own))
        {
            labels[key] = value;
        }

        return labels;
    }

    /// <summary>Prometheus scraping of the metrics port, as upstream annotates the server pod, then <c>--pod-annotations</c>.</summary>
    public static Dictionary<string, string> ServerPodAnnotations(InstallOptions options)
    {
        var annotations = new Dictionary<string, string>
        {
            ["prometheus.io/scrape"] = "true",
            ["prometheus.io/port"] = "8085",
            ["prometheus.io/path"] = "/metrics",
        };
        foreach (var (key, value) in options.PodAnnotations)
        {
            annotations[key] = value;
        }

        return annotations;
    }

    /// <summary>Upstream's node-agent pods carry only the user's annotations.</summary>
    public static Dictionary<string, string>? NodeAgentPodAnnotations(InstallOptions options) =>
        options.PodAnnotations.Count == 0 ? null : new Dictionary<string, string>(options.PodAnnotations);

    /// <summary>Linux nodes only, as upstream's server Deployment and node-agent DaemonSet say it.</summary>
    public static V1Affinity LinuxOnly() => new()
    {
        NodeAffinity = new V1NodeAffinity
        {
            RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector
            {
                NodeSelectorTerms =
                [
                    new V1NodeSelectorTerm
                    {
                        MatchExpressions = [new V1NodeSelectorRequirement { Key = "kubernetes.io/os", OperatorProperty = "NotIn", Values = ["windows"] }],
                    },
                ],
            },
        },
    };
}
