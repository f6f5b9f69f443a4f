using k8s;

namespace Velero.Kubernetes.Clusters;

/// <summary>Makes the connections that <see cref="ClusterOptions"/> describe.</summary>
public static class ClusterConnectionFactory
{
    public static IReadOnlyList<ClusterConnection> Create(ClusterOptions options)
    {
        var kubeconfig = options.Kubeconfig ?? Environment.GetEnvironmentVariable("KUBECONFIG");
        if (string.IsNullOrWhiteSpace(kubeconfig))
        {
            return KubernetesClientConfiguration.IsInCluster()
                ? [Connect(options.InClusterName, KubernetesClientConfiguration.InClusterConfig())]
                : [];
        }

        // KUBECONFIG may list several files; the first is the one this process reads.
        var path = kubeconfig.Split(':', StringSplitOptions.RemoveEmptyEntries)[0];
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"kubeconfig {path} does not exist", path);
        }

        var contexts = options.Contexts.Count > 0
            ? options.Contexts
            : [KubernetesClientConfiguration.LoadKubeConfig(path).CurrentContext
               ?? throw new InvalidOperationException($"kubeconfig {path} has no current context; name Clusters:Contexts")];
        return [.. contexts.Distinct(StringComparer.Ordinal).Select(context =>
            Connect(context, KubernetesClientConfiguration.BuildConfigFromConfigFile(path, currentContext: context)))];
    }

    private static ClusterConnection Connect(string name, KubernetesClientConfiguration configuration)
    {
        // Watches stay open for minutes: a client-wide timeout would cut them. Each call bounds itself instead.
        configuration.HttpClientTimeout = Timeout.InfiniteTimeSpan;
        return new ClusterConnection(name, new k8s.Kubernetes(configuration));
    }
}
