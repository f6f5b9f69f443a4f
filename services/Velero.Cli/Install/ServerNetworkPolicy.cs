using k8s.Models;

namespace Velero.Cli.Install;

/// <summary>
/// The NetworkPolicy of a server Deployment or the node agent: nothing connects to those pods except on the metrics
/// port (8085: Prometheus scraping, <c>/healthz</c> and <c>/readyz</c>), from anywhere, as Prometheus usually runs in
/// another namespace. Egress stays open: the services reach the API server, object storage and cloud APIs wherever
/// they are, and the broker and database.
/// </summary>
public static class ServerNetworkPolicy
{
    public static V1NetworkPolicy For(InstallOptions options, string name, IReadOnlyDictionary<string, string> selector) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = InstallMeta.For(options.Namespace, name),
        Spec = new V1NetworkPolicySpec
        {
            PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string>(selector) },
            PolicyTypes = ["Ingress"],
            Ingress = [new V1NetworkPolicyIngressRule { Ports = [new V1NetworkPolicyPort { Protocol = "TCP", Port = ServerPod.MetricsPort }] }],
        },
    };
}
