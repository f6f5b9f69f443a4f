using k8s.Models;
using Velero.Cli.Install;

namespace Velero.Cli.Tests.Install;

/// <summary>
/// What every workload of an install comes with: resources, probes, a NetworkPolicy, a PodDisruptionBudget that never
/// blocks a drain, and, with an external data store, the optional CA Secret.
/// </summary>
public sealed class WorkloadPolicyTests
{
    private static readonly InstallOptions Base = new()
    {
        Provider = "aws",
        Bucket = "velero",
        Plugins = ["ghcr.io/velero-services/velero-plugin-for-aws:v0.1.0"],
        SecretData = "[default]\n"u8.ToArray(),
        UseNodeAgent = true,
    };

    public static TheoryData<bool> Split => [false, true];

    [Theory]
    [MemberData(nameof(Split))]
    public void Every_container_but_the_node_agent_has_cpu_and_memory_requests_and_a_memory_limit(bool split)
    {
        foreach (var (name, spec) in InstallManifest.PodSpecs(InstallManifest.Objects(Base with { SplitServices = split })))
        {
            foreach (var container in (spec.InitContainers ?? []).Concat(spec.Containers))
            {
                if (name == "DaemonSet/node-agent")
                {
                    // Upstream's node-agent defaults are unbounded (BestEffort); --node-agent-pod-* set them.
                    Assert.Empty(container.Resources.Requests);
                    continue;
                }

                Assert.True(container.Resources.Requests.ContainsKey("cpu") && container.Resources.Requests.ContainsKey("memory"), $"{name} {container.Name}: requests");
                Assert.True(container.Resources.Limits.ContainsKey("memory"), $"{name} {container.Name}: memory limit");
            }

            Assert.All(spec.Containers, c => Assert.True(c.LivenessProbe is not null && c.ReadinessProbe is not null, $"{name} {c.Name}: probes"));
        }
    }

    [Theory]
    [MemberData(nameof(Split))]
    public void Every_deployment_and_statefulset_has_a_disruption_budget_of_max_unavailable_one_and_every_workload_a_network_policy(bool split)
    {
        var objects = InstallManifest.Objects(Base with { SplitServices = split });
        var budgets = objects.OfType<V1PodDisruptionBudget>().ToDictionary(b => b.Metadata.Name);
        var policies = objects.OfType<V1NetworkPolicy>().ToDictionary(p => p.Metadata.Name);
        var workloads = objects.OfType<V1Deployment>().Select(d => (d.Metadata.Name, d.Spec.Selector.MatchLabels))
            .Concat(objects.OfType<V1StatefulSet>().Select(s => (s.Metadata.Name, s.Spec.Selector.MatchLabels))).ToList();

        Assert.Equal(split ? 5 : 3, workloads.Count);
        foreach (var (name, selector) in workloads)
        {
            Assert.Equal("1", budgets[name].Spec.MaxUnavailable.Value);
            Assert.Null(budgets[name].Spec.MinAvailable);
            Assert.Equal(selector, budgets[name].Spec.Selector.MatchLabels);
            Assert.Equal(selector, policies[name].Spec.PodSelector.MatchLabels);
        }

        Assert.Equal(["Ingress"], policies["node-agent"].Spec.PolicyTypes);
        Assert.Equal("8085", Assert.Single(Assert.Single(policies["node-agent"].Spec.Ingress).Ports).Port.Value);
        Assert.DoesNotContain("node-agent", budgets.Keys);
    }

    [Fact]
    public void Only_with_an_external_data_store_do_the_server_pods_mount_the_optional_ca_secret()
    {
        var inNamespace = InstallManifest.PodSpecs(InstallManifest.Objects(Base)).ToList();
        var external = InstallManifest.PodSpecs(InstallManifest.Objects(Base with { BrokerUrl = "amqps://u:p@mq.example:5671/" }))
            .Where(p => !p.Name.StartsWith("StatefulSet/", StringComparison.Ordinal)).ToList();

        Assert.DoesNotContain(inNamespace, p => p.Spec.Volumes.Any(v => v.Name == "datastore-ca"));
        Assert.Equal(2, external.Count);
        foreach (var (_, spec) in external)
        {
            var volume = Assert.Single(spec.Volumes, v => v.Name == "datastore-ca");
            Assert.Equal(("velero-datastore-ca", true), (volume.Secret.SecretName, volume.Secret.Optional));
            Assert.Contains(spec.Containers[0].Env, e => e is { Name: "SSL_CERT_DIR", Value: "/etc/ssl/certs:/etc/velero/datastore-ca" });
        }
    }
}
