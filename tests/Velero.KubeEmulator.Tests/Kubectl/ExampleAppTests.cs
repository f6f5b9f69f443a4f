using Velero.KubeEmulator.Json;
using Velero.KubeEmulator.Tests.Support;

namespace Velero.KubeEmulator.Tests.Kubectl;

/// <summary>
/// The kubernetes/examples and GKE sample apps, one folder per apply, each into its own namespace unless its
/// objects name their namespaces. Apps that cannot apply on a current cluster fail as a real one fails them.
/// </summary>
public sealed class ExampleAppTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [MemberData(nameof(ExampleApps.ClientSide), MemberType = typeof(ExampleApps))]
    public Task Example_app_applies_client_side_as_on_a_real_cluster(string app, string[] errors) =>
        ExampleApps.ApplyAsync(fixture.Kubectl, app, serverSide: false, errors);
}

/// <summary>The same apps with --server-side, on a cluster of their own (cluster-scoped objects are shared).</summary>
public sealed class ExampleAppServerSideTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [MemberData(nameof(ExampleApps.ServerSide), MemberType = typeof(ExampleApps))]
    public Task Example_app_applies_server_side_as_on_a_real_cluster(string app, string[] errors) =>
        ExampleApps.ApplyAsync(fixture.Kubectl, app, serverSide: true, errors);
}

/// <summary>The apps and what a real v1.32 cluster answers for them.</summary>
public static class ExampleApps
{
    private const string NoMatches = "ensure CRDs are installed first";

    /// <summary>App folder, then the error texts a real v1.32 cluster gives (none: exit 0).</summary>
    public static TheoryData<string, string[]> ClientSide => new()
    {
        { "kubernetes-examples/cassandra", [] },
        { "kubernetes-examples/guestbook", [] },
        { "kubernetes-examples/minio", [] },
        { "kubernetes-examples/model-serving-tensorflow", [] },
        { "kubernetes-examples/mysql-cinder-pd", [] },
        // policy/v1beta1 PodDisruptionBudget was removed in v1.25.
        { "kubernetes-examples/cockroachdb", ["no matches for kind \"PodDisruptionBudget\" in version \"policy/v1beta1\"", NoMatches] },
        // Three PVCs share one name: the second and third are updates of an immutable claim spec.
        { "kubernetes-examples/nfs", [
            "PersistentVolumeClaim \"nfs-pv-provisioning-demo\" is invalid: [metadata.annotations[volume.beta.kubernetes.io/storage-class]: Invalid value: \"\": field is immutable, spec: Forbidden: spec is immutable after creation",
            "PersistentVolumeClaim \"nfs-pv-provisioning-demo\" is invalid: metadata.annotations[volume.beta.kubernetes.io/storage-class]: Invalid value: \"\": field is immutable"] },
        // Two StorageClasses named "slow" with different provisioners.
        { "kubernetes-examples/storage-misc", ["The StorageClass \"slow\" is invalid", "* parameters: Forbidden: updates to parameters are forbidden.", "* provisioner: Forbidden: updates to provisioner are forbidden."] },
        // ServiceMonitor and PrometheusRule without the prometheus-operator CRDs.
        { "kubernetes-examples/vllm-hpa", ["no matches for kind \"ServiceMonitor\" in version \"monitoring.coreos.com/v1\"", "no matches for kind \"PrometheusRule\" in version \"monitoring.coreos.com/v1\""] },
        { "gke-samples/backup-migration", [] },
        { "gke-samples/gke-stateful-mysql", [] },
        { "gke-samples/hello-app-redis", [] },
        // Kueue custom resources without Kueue's CRDs; Jobs with generateName cannot be applied.
        { "gke-samples/kueue-intro", ["no matches for kind \"ClusterQueue\" in version \"kueue.x-k8s.io/v1beta1\"", "no matches for kind \"LocalQueue\" in version \"kueue.x-k8s.io/v1beta1\"", "cannot use generate name with apply"] },
        { "gke-samples/load-balancing-ingress", [] },
        { "gke-samples/network-policies", [] },
        { "gke-samples/scheduled-autoscaler", [] },
        { "gke-samples/stateful-workload-filestore", ["The StorageClass \"filestore-sc\" is invalid", "* parameters: Forbidden: updates to parameters are forbidden."] },
        { "gke-samples/wordpress-persistent-disks", [] },
    };

    public static TheoryData<string, string[]> ServerSide => new()
    {
        { "kubernetes-examples/guestbook", [] },
        { "kubernetes-examples/cassandra", [] },
        { "kubernetes-examples/cockroachdb", ["no matches for kind \"PodDisruptionBudget\" in version \"policy/v1beta1\"", NoMatches] },
        { "gke-samples/gke-stateful-mysql", [] },
        { "gke-samples/scheduled-autoscaler", [] },
        { "kubernetes-examples/storage-misc", ["The StorageClass \"slow\" is invalid", "* parameters: Forbidden: updates to parameters are forbidden.", "* provisioner: Forbidden: updates to provisioner are forbidden."] },
    };

    public static async Task ApplyAsync(Support.Kubectl kubectl, string app, bool serverSide, string[] errors)
    {
        var folder = Path.Combine(Fixtures.Manifests, "k8s-examples", app);
        var objects = Fixtures.Objects(folder);
        var explicitNamespaces = objects.Select(Meta.Namespace).Where(n => n.Length > 0).Distinct().ToList();
        var args = new List<string> { "apply", "-f", folder };
        if (serverSide)
        {
            args.Add("--server-side");
        }

        if (explicitNamespaces.Count == 0)
        {
            var ns = (serverSide ? "ssa-" : "csa-") + Path.GetFileName(app);
            await kubectl.RunAsync("create", "namespace", ns);
            args.AddRange(["-n", ns]);
        }
        else
        {
            foreach (var ns in explicitNamespaces)
            {
                await kubectl.RunAsync("create", "namespace", ns);
            }
        }

        var result = await kubectl.RunAsync([.. args]);

        if (errors.Length == 0)
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal("", result.Stderr);
        }
        else
        {
            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.All(errors, e => Assert.Contains(e, result.Stderr));
        }

        var delete = await kubectl.RunAsync([.. args.Where(a => a != "--server-side").Select(a => a == "apply" ? "delete" : a), "--ignore-not-found"]);
        var mappingErrors = errors.Where(e => e.StartsWith("no matches", StringComparison.Ordinal)).ToList();
        if (mappingErrors.Count == 0)
        {
            Assert.True(delete.ExitCode == 0, delete.ToString());
        }
        else
        {
            // delete -f maps every object first, so kinds the cluster does not serve fail the same way.
            Assert.Equal(1, delete.ExitCode);
            Assert.All(mappingErrors, e => Assert.Contains(e, delete.Stderr));
        }

        var verb = serverSide ? "serverside-applied" : "(created|configured|unchanged)";
        foreach (var obj in objects.Where(o => !errors.Any(e => e.Contains($"\"{Meta.Str(o, "kind")}\"", StringComparison.Ordinal)))
            .Where(o => Meta.Name(o).Length > 0))
        {
            Assert.Matches($"{System.Text.RegularExpressions.Regex.Escape(Fixtures.KubectlName(obj))} {verb}|{Meta.Name(obj)}", result.Output);
        }
    }
}
