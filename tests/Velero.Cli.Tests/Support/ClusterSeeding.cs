using k8s;
using k8s.Models;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Tests.Support;

/// <summary>Puts what a test prints into the emulated cluster: a fresh namespace, resources with their status.</summary>
internal static class ClusterSeeding
{
    public static async Task<string> NamespaceAsync(this CliCluster cluster, string name)
    {
        await cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }

    /// <summary>
    /// Creates the namespace and runs <paramref name="seed"/> once per cluster: xunit builds the test class (and
    /// runs its InitializeAsync) for every test, while the cluster is shared by the class.
    /// </summary>
    public static async Task SeedOnceAsync(this CliCluster cluster, string name, Func<Task> seed)
    {
        var existing = await cluster.Client.CoreV1.ListNamespaceAsync(fieldSelector: $"metadata.name={name}");
        if (existing.Items.Any(n => n.Metadata.Name == name))
        {
            return;
        }

        await cluster.NamespaceAsync(name);
        await seed();
    }

    /// <summary>Creates the resource, then writes its status as a controller would.</summary>
    public static async Task<T> SeedAsync<T>(this CliCluster cluster, T resource, object? status = null)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var client = new CustomResourceClient<T>(cluster.Client);
        var created = await client.CreateAsync(resource);
        if (status is null)
        {
            return created;
        }

        // Velero's CRDs have no status subresource: status is written through the resource itself.
        return await client.PatchStatusAsync(resource.Metadata.NamespaceProperty, resource.Metadata.Name, status);
    }

    public static Task<T?> ReadAsync<T>(this CliCluster cluster, string @namespace, string name)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        new CustomResourceClient<T>(cluster.Client).GetAsync(@namespace, name);

    public static string[] In(this CliCluster cluster, string @namespace) => [.. cluster.Flags, "-n", @namespace];
}
