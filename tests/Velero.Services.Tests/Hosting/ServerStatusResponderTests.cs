using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Velero.Contracts.Clusters;
using Velero.Contracts.Status;
using Microsoft.Extensions.Configuration;
using Velero.Kubernetes.Clusters;
using Velero.Restorer;
using Velero.ServiceDefaults.Hosting;
using Velero.ServiceDefaults.Status;

namespace Velero.Services.Tests.Hosting;

public sealed class ServerStatusResponderTests
{
    [Fact]
    public async Task A_role_answers_a_status_request_with_its_name_version_and_instance()
    {
        var identity = ServiceIdentity.For("velero-restorer");
        await using var provider = new ServiceCollection()
            .AddSingleton(new RestorerRole())
            .AddSingleton(identity)
            .AddSingleton(TimeProvider.System)
            .AddVeleroClusters(new ConfigurationBuilder().AddInMemoryCollection([new("Clusters:Kubeconfig", "")]).Build())
            .AddMassTransitTestHarness(bus => bus.AddServerStatusResponder<RestorerRole>())
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var request = new ServerStatusRequested
        {
            RequestId = Guid.NewGuid(),
            Cluster = new ClusterRef { Id = "uid", Name = "dev-a" },
            RequestedAt = DateTimeOffset.UtcNow,
        };

        await harness.Bus.Publish(request);

        Assert.True(await harness.Published.Any<ServerStatusReported>());
        var reply = harness.Published.Select<ServerStatusReported>().Single().Context.Message;
        Assert.Equal(request.RequestId, reply.RequestId);
        Assert.Equal(request.Cluster, reply.Cluster);
        Assert.Equal("restorer", reply.Service);
        Assert.Equal(identity.Instance, reply.Instance);
        Assert.Matches(@"^v\d+\.\d+\.\d+", reply.Version);
        Assert.Empty(reply.Clusters!);
    }

    [Fact]
    public void Each_role_answers_on_a_queue_of_its_own()
    {
        var definition = new ServerStatusResponderDefinition<RestorerRole>();

        Assert.Equal("restorer-server-status", ((IConsumerDefinition)definition).GetEndpointName(KebabCaseEndpointNameFormatter.Instance));
    }
}
