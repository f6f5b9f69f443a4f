using Velero.Contracts.Clusters;
using Velero.Integration.Tests.Support;
using Velero.Testing;

namespace Velero.Integration.Tests.Status;

[Collection(ServiceProcessesCollection.Name)]
public sealed class SingleProcessServerTests
{
    [Fact]
    public async Task Velero_server_runs_every_role_in_one_process()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var server = ServiceProcess.Start("velero.dll", Services.Environment(database), "server");
        await server.WaitReadyAsync(Services.ReadyTimeout);
        await using var bus = await TestBus.StartAsync();

        var collected = await bus.RequestStatusAsync(new ClusterRef { Id = "cluster-uid", Name = "dev-b" }, TimeSpan.FromSeconds(30));

        Assert.Equal(["restorer", "scheduler", "snapshotter", "uploader"], collected.Services.Select(s => s.Service).Order());
        Assert.Single(collected.Services.Select(s => s.Instance).Distinct());
        Assert.EndsWith($"/{server.Id}", collected.Services[0].Instance, StringComparison.Ordinal);
        Assert.Equal(0, await server.StopAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Velero_server_with_some_roles_answers_for_those_only_and_the_scheduler_names_the_missing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var environment = Services.Environment(database, new Dictionary<string, string?>
        {
            ["Scheduler__ServerStatus__CollectionWindow"] = "00:00:01",
        });
        await using var server = ServiceProcess.Start("velero.dll", environment, "server", "--roles", "scheduler,restorer");
        await server.WaitReadyAsync(Services.ReadyTimeout);
        await using var bus = await TestBus.StartAsync();

        var collected = await bus.RequestStatusAsync(new ClusterRef { Id = "cluster-uid", Name = "dev-b" }, TimeSpan.FromSeconds(30));

        Assert.Equal(["restorer", "scheduler"], collected.Services.Select(s => s.Service).Order());
        Assert.Equal(["snapshotter", "uploader"], collected.Missing);
    }
}
