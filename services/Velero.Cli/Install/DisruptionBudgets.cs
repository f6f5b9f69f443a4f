using k8s.Models;

namespace Velero.Cli.Install;

/// <summary>
/// A PodDisruptionBudget per Deployment and StatefulSet, with <c>maxUnavailable: 1</c>. Every workload of an install
/// runs one replica, and a budget of <c>minAvailable: 1</c> on one replica would block every node drain; one of
/// <c>maxUnavailable: 1</c> lets a drain evict the pod (its controller starts it elsewhere) and, once a user scales a
/// Deployment up, keeps all but one replica running through voluntary disruptions. The node agent has none: drains
/// skip DaemonSet pods.
/// </summary>
public static class DisruptionBudgets
{
    public static V1PodDisruptionBudget For(InstallOptions options, string name, IReadOnlyDictionary<string, string> selector) => new()
    {
        ApiVersion = "policy/v1",
        Kind = "PodDisruptionBudget",
        Metadata = InstallMeta.For(options.Namespace, name),
        Spec = new V1PodDisruptionBudgetSpec
        {
            MaxUnavailable = 1,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string>(selector) },
        },
    };
}
