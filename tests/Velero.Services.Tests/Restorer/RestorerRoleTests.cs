using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Velero.Kubernetes.Clusters;
using Velero.Restorer;
using Velero.Restorer.Engine;
using Velero.Restorer.Messaging;

namespace Velero.Services.Tests.Restorer;

public sealed class RestorerRoleTests
{
    [Fact]
    public async Task The_role_registers_the_engine_its_options_and_the_consumer_with_its_concurrency()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([
            new("Clusters:Kubeconfig", ""),
            new("Restorer:Engine:Workers", "8"),
            new("Restorer:Restores:Concurrency", "3"),
            new("Restorer:Restores:HeartbeatInterval", "00:00:05"),
        ]);
        var role = new RestorerRole();
        role.AddServices(builder);
        builder.Services.AddLogging().AddSingleton(TimeProvider.System).AddVeleroClusters(builder.Configuration)
            .AddMassTransitTestHarness(role.AddConsumers);
        await using var provider = builder.Services.BuildServiceProvider(true);

        Assert.Equal(8, provider.GetRequiredService<IOptions<RestoreEngineOptions>>().Value.Workers);
        Assert.Equal(TimeSpan.FromSeconds(5), provider.GetRequiredService<IOptions<RestorerRestoreOptions>>().Value.HeartbeatInterval);
        Assert.IsType<RestoreEngineRunner>(provider.GetRequiredService<IRestoreRunner>());
        Assert.NotNull(provider.GetRequiredService<RestoreEngine>());
        Assert.Equal(3, ActivatorUtilities.CreateInstance<RunRestoreConsumerDefinition>(provider).ConcurrentMessageLimit);
        await using var scope = provider.CreateAsyncScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<RunRestoreConsumer>());
    }
}
