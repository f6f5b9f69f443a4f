using k8s;

namespace Velero.Cli.Commands;

/// <summary>
/// How the CLI reaches the cluster, with upstream's precedence: <c>--kubeconfig</c> over <c>KUBECONFIG</c> over
/// <c>~/.kube/config</c>; <c>--kubecontext</c> over the current context; <c>-n/--namespace</c> over
/// <c>VELERO_NAMESPACE</c> over <c>velero</c>.
/// </summary>
internal sealed record ClusterOptions(string? Kubeconfig, string? Context, string Namespace)
{
    /// <summary>Takes the connection flags out of <paramref name="args"/>; the rest is returned.</summary>
    public static (ClusterOptions Options, List<string> Remaining) Parse(IReadOnlyList<string> args)
    {
        string? kubeconfig = null, context = null, ns = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal)
                ? (n, v)
                : (args[i], (string?)null);
            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"flag needs an argument: {name}"));
            switch (name)
            {
                case "--kubeconfig": kubeconfig = Value(); break;
                case "--kubecontext": context = Value(); break;
                case "-n" or "--namespace": ns = Value(); break;
                default: rest.Add(args[i]); break;
            }
        }

        ns ??= Environment.GetEnvironmentVariable("VELERO_NAMESPACE") is { Length: > 0 } env ? env : "velero";
        return (new ClusterOptions(kubeconfig, context, ns), rest);
    }

    public IKubernetes CreateClient()
    {
        var path = Kubeconfig ?? Environment.GetEnvironmentVariable("KUBECONFIG")?.Split(':')[0];
        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(
            string.IsNullOrEmpty(path) ? null : path, currentContext: Context);
        return new k8s.Kubernetes(configuration);
    }
}
