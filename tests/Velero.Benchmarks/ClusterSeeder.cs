using k8s;
using k8s.Models;

namespace Velero.Benchmarks;

/// <summary>
/// Fills a cluster with a mix of ordinary application objects spread over namespaces: ConfigMaps, Secrets,
/// Services, ServiceAccounts and Deployments, in the proportions of a busy multi-tenant cluster.
/// </summary>
internal static class ClusterSeeder
{
    public const int Namespaces = 100;

    public static async Task SeedAsync(IKubernetes client, int objects, CancellationToken cancellationToken)
    {
        for (var n = 0; n < Namespaces; n++)
        {
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace(n) } },
                cancellationToken: cancellationToken);
        }

        // Every namespace already holds a ServiceAccount and a ConfigMap the cluster creates; count only ours.
        await Parallel.ForAsync(0, objects, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) => await CreateAsync(client, i, ct));
    }

    private static string Namespace(int n) => $"tenant-{n:D3}";

    private static async Task CreateAsync(IKubernetes client, int i, CancellationToken cancellationToken)
    {
        var ns = Namespace(i % Namespaces);
        var name = $"app-{i:D6}";
        var labels = new Dictionary<string, string> { ["app"] = name, ["tier"] = (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var meta = new V1ObjectMeta { Name = name, Labels = labels };
        switch (i % 10)
        {
            case < 4:
                await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
                {
                    Metadata = meta,
                    Data = new Dictionary<string, string> { ["settings.yaml"] = $"replicas: {i % 7}\nfeature: {new string('x', 400)}\n" },
                }, ns, cancellationToken: cancellationToken);
                break;
            case < 6:
                await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
                {
                    Metadata = meta,
                    StringData = new Dictionary<string, string> { ["password"] = $"secret-{i}" },
                }, ns, cancellationToken: cancellationToken);
                break;
            case < 8:
                await client.CoreV1.CreateNamespacedServiceAsync(new V1Service
                {
                    Metadata = meta,
                    Spec = new V1ServiceSpec { Selector = labels, Ports = [new V1ServicePort { Port = 80, TargetPort = 8080 }] },
                }, ns, cancellationToken: cancellationToken);
                break;
            case 8:
                await client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = meta }, ns,
                    cancellationToken: cancellationToken);
                break;
            default:
                await client.AppsV1.CreateNamespacedDeploymentAsync(new V1Deployment
                {
                    Metadata = meta,
                    Spec = new V1DeploymentSpec
                    {
                        Replicas = 2,
                        Selector = new V1LabelSelector { MatchLabels = labels },
                        Template = new V1PodTemplateSpec
                        {
                            Metadata = new V1ObjectMeta { Labels = labels },
                            Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "registry.example/app:1.0" }] },
                        },
                    },
                }, ns, cancellationToken: cancellationToken);
                break;
        }
    }
}
