using k8s.Models;
using Velero.Cli.Install;

namespace Velero.Cli.Tests.Install;

/// <summary>Every pod an install creates is hardened; the node agent keeps only the capabilities docs/install.md names.</summary>
public sealed class PodHardeningTests
{
    private static readonly InstallOptions Base = new()
    {
        Provider = "aws",
        Bucket = "velero",
        Plugins = ["ghcr.io/velero-services/velero-plugin-for-aws:v0.1.0"],
        SecretData = "[default]\n"u8.ToArray(),
        BrokerPassword = "broker-password",
        DatabasePassword = "database-password",
    };

    public static TheoryData<string> Shapes => ["default", "node-agent", "split", "split-external", "privileged-node-agent", "no-host-path"];

    private static InstallOptions Shape(string shape) => shape switch
    {
        "default" => Base,
        "node-agent" => Base with { UseNodeAgent = true },
        "split" => Base with { SplitServices = true, UseNodeAgent = true },
        "split-external" => Base with { SplitServices = true, BrokerUrl = "amqp://u:p@mq:5672/", DatabaseConnectionString = "Host=db" },
        "privileged-node-agent" => Base with { UseNodeAgent = true, PrivilegedNodeAgent = true },
        "no-host-path" => Base with { UseNodeAgent = true, NodeAgentDisableHostPath = true },
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_container_but_the_node_agent_runs_as_non_root_read_only_without_capabilities(string shape)
    {
        var pods = InstallManifest.PodSpecs(InstallManifest.Objects(Shape(shape))).ToList();
        Assert.NotEmpty(pods);
        foreach (var (name, spec) in pods.Where(p => p.Name != "DaemonSet/node-agent"))
        {
            Assert.True(spec.SecurityContext is { RunAsNonRoot: true, RunAsUser: > 0 }, $"{name}: pod must run as a non-root uid");
            Assert.Equal("RuntimeDefault", spec.SecurityContext.SeccompProfile?.Type);
            foreach (var container in (spec.InitContainers ?? []).Concat(spec.Containers))
            {
                AssertRestricted($"{name} {container.Name}", container.SecurityContext);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_node_agent_keeps_only_the_file_capabilities_and_otherwise_the_same_restrictions(string shape)
    {
        var options = Shape(shape);
        var nodeAgent = InstallManifest.PodSpecs(InstallManifest.Objects(options)).Where(p => p.Name == "DaemonSet/node-agent").ToList();
        if (!options.UseNodeAgent)
        {
            Assert.Empty(nodeAgent);
            return;
        }

        var spec = Assert.Single(nodeAgent).Spec;
        var context = Assert.Single(spec.Containers).SecurityContext!;
        Assert.Equal("RuntimeDefault", spec.SecurityContext.SeccompProfile?.Type);
        Assert.True(context.ReadOnlyRootFilesystem);
        if (options.PrivilegedNodeAgent)
        {
            Assert.True(context.Privileged, "--privileged-node-agent is the user's explicit request");
            return;
        }

        Assert.Equal(0, spec.SecurityContext.RunAsUser);
        Assert.False(context.Privileged);
        Assert.False(context.AllowPrivilegeEscalation);
        Assert.Equal(["ALL"], context.Capabilities.Drop);
        Assert.Equal(["CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID"], context.Capabilities.Add);
    }

    [Fact]
    public void Data_stores_do_not_get_a_service_account_token()
    {
        var pods = InstallManifest.PodSpecs(InstallManifest.Objects(Base)).Where(p => p.Name.StartsWith("StatefulSet/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, pods.Count);
        Assert.All(pods, p => Assert.False(p.Spec.AutomountServiceAccountToken));
    }

    [Fact]
    public void The_namespace_enforces_baseline_and_warns_restricted_unless_the_node_agent_needs_host_paths()
    {
        Assert.Equal("baseline", ClusterResources.Namespace(Base).Metadata.Labels["pod-security.kubernetes.io/enforce"]);
        Assert.Equal("restricted", ClusterResources.Namespace(Base).Metadata.Labels["pod-security.kubernetes.io/warn"]);
        Assert.Equal("privileged", ClusterResources.Namespace(Base with { UseNodeAgent = true }).Metadata.Labels["pod-security.kubernetes.io/enforce"]);
        Assert.Equal("baseline", ClusterResources.Namespace(Base with { UseNodeAgent = true, NodeAgentDisableHostPath = true })
            .Metadata.Labels["pod-security.kubernetes.io/enforce"]);
    }

    private static void AssertRestricted(string what, V1SecurityContext? context)
    {
        Assert.True(context is not null, $"{what}: no security context");
        Assert.True(context.RunAsNonRoot, $"{what}: runAsNonRoot");
        Assert.True(context.ReadOnlyRootFilesystem, $"{what}: readOnlyRootFilesystem");
        Assert.False(context.AllowPrivilegeEscalation, $"{what}: allowPrivilegeEscalation");
        Assert.False(context.Privileged ?? false, $"{what}: privileged");
        Assert.Equal(["ALL"], context.Capabilities?.Drop);
        Assert.Null(context.Capabilities?.Add);
        Assert.Equal("RuntimeDefault", context.SeccompProfile?.Type);
    }
}
