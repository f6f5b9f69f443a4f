using k8s;
using k8s.Exceptions;
using Velero.Cli.CommandLine;

namespace Velero.Cli.Client;

/// <summary>
/// Which cluster the CLI talks to, with upstream's precedence: <c>--kubeconfig</c> over <c>$KUBECONFIG</c> over the
/// in-cluster configuration over <c>~/.kube/config</c>; <c>--kubecontext</c> over the current context.
/// </summary>
internal sealed record KubeconfigSelection(string Kubeconfig, string Context)
{
    public KubernetesClientConfiguration Configuration(CliEnvironment env)
    {
        try
        {
            var path = Kubeconfig.Length > 0 ? Kubeconfig : env.Variable("KUBECONFIG")?.Split(':')[0];
            if (string.IsNullOrEmpty(path) && KubernetesClientConfiguration.IsInCluster())
            {
                return KubernetesClientConfiguration.InClusterConfig();
            }

            path = string.IsNullOrEmpty(path) ? Path.Combine(env.HomeDirectory, ".kube", "config") : path;
            if (!File.Exists(path))
            {
                throw new CliException($"invalid configuration: no configuration has been provided, try setting KUBECONFIG (kubeconfig {path} does not exist)");
            }

            return KubernetesClientConfiguration.BuildConfigFromConfigFile(path,
                currentContext: Context.Length > 0 ? Context : null);
        }
        catch (KubeConfigException e)
        {
            throw new CliException($"invalid configuration: {e.Message}");
        }
    }

    public IKubernetes CreateClient(CliEnvironment env) => new k8s.Kubernetes(Configuration(env));
}
