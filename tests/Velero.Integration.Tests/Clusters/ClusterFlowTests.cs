using Velero.Api.V1;
using Velero.Contracts.Clusters;
using Velero.Contracts.Status;
using Velero.Integration.Tests.Support;
using Velero.Kubernetes.Resources;
using Velero.Testing;

namespace Velero.Integration.Tests.Clusters;

[Collection(ServiceProcessesCollection.Name)]
public sealed class ClusterFlowTests(ClusterFixture clusters) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Velero_version_reads_the_server_version_through_a_server_status_request()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var server = await StartServerAsync(database, ["dev-a", "dev-b"]);

        await using var cli = ServiceProcess.Run("velero.dll", new Dictionary<string, string?>(),
            "version", "--kubeconfig", clusters.Kubeconfig, "--kubecontext", "dev-b", "--timeout", "20s");
        Assert.Equal(0, await cli.WaitForExitAsync(TimeSpan.FromSeconds(60)));

        Assert.Matches(@"Client:\n\tVersion: v\d+\.\d+\.\d+\n\tGit commit: \S+\nServer:\n\tVersion: v\d+\.\d+\.\d+", cli.Output);
        Assert.DoesNotContain("WARNING", cli.Output, StringComparison.Ordinal);
        using var devB = clusters.Client("dev-b");
        var requests = await new CustomResourceClient<ServerStatusRequest>(devB).ListAsync("velero");
        var processed = Assert.Single(requests.Items);
        Assert.StartsWith("velero-cli-", processed.Metadata.Name, StringComparison.Ordinal);
        Assert.Equal(ServerStatusRequestPhase.Processed, processed.Status!.Phase);
        Assert.NotNull(processed.Status.ProcessedTimestamp);
        var plugins = processed.Status.Plugins!.Select(p => $"{p.Kind} {p.Name}").ToList();
        Assert.Equal(["ObjectStore velero.io/aws", "ObjectStore velero.io/fs"], plugins.Where(p => p.StartsWith("ObjectStore ", StringComparison.Ordinal)));
        Assert.Contains("RestoreItemAction velero.io/pod", plugins);
        Assert.Contains("RestoreItemAction velero.io/init-restore-hook", plugins);

        // Processed requests are deleted after their retention (upstream: one minute; five seconds here).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await new CustomResourceClient<ServerStatusRequest>(devB).ListAsync("velero")).Items.Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the processed ServerStatusRequest was not deleted");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Every_service_reports_the_clusters_it_reaches_by_their_kube_system_uid()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var server = await StartServerAsync(database, ["dev-a", "dev-b"]);
        await using var bus = await TestBus.StartAsync();
        var expected = new[]
        {
            new ClusterRef { Id = clusters.DevA.KubeSystemUid, Name = "dev-a" },
            new ClusterRef { Id = clusters.DevB.KubeSystemUid, Name = "dev-b" },
        };

        // Clusters are reached in the background after start-up: ask until both are known.
        ServerStatusCollected collected;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            collected = await bus.RequestStatusAsync(expected[0], TimeSpan.FromSeconds(30));
        }
        while (collected.Services.Any(s => s.Clusters?.Count != 2) && DateTime.UtcNow < deadline);

        Assert.Equal(4, collected.Services.Count);
        Assert.All(collected.Services, s => Assert.Equal(expected, s.Clusters!.OrderBy(c => c.Name)));
        Assert.NotEqual(clusters.DevA.KubeSystemUid, clusters.DevB.KubeSystemUid);
    }

    [Fact]
    public async Task An_unknown_context_is_a_configuration_error()
    {
        await using var server = ServiceProcess.Start("velero.dll", new Dictionary<string, string?>
        {
            ["ConnectionStrings__RabbitMq"] = TestInfrastructure.RabbitMqUrl,
            ["Clusters__Kubeconfig"] = clusters.Kubeconfig,
            ["Clusters__Contexts__0"] = "dev-c",
        }, "server", "--roles", "restorer");

        Assert.Equal(1, await server.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var line = Assert.Single(server.ErrorLines);
        Assert.StartsWith("velero-restorer: cannot load the cluster configuration: ", line, StringComparison.Ordinal);
        Assert.Contains("dev-c", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_cluster_does_not_keep_a_service_from_starting()
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"velero-unreachable-{Guid.NewGuid():N}.kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: gone
              cluster:
                server: http://127.0.0.1:{FreePort.Next()}
            contexts:
            - name: gone
              context:
                cluster: gone
                user: gone
            current-context: gone
            users:
            - name: gone
              user:
                token: not-a-real-token
            """);
        try
        {
            await using var server = ServiceProcess.Start("velero.dll", new Dictionary<string, string?>
            {
                ["ConnectionStrings__RabbitMq"] = TestInfrastructure.RabbitMqUrl,
                ["Clusters__Kubeconfig"] = kubeconfig,
            }, "server", "--roles", "snapshotter");

            await server.WaitReadyAsync(Services.ReadyTimeout);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!server.Output.Contains("Cluster gone unavailable: cannot connect", StringComparison.Ordinal))
            {
                Assert.True(DateTime.UtcNow < deadline, "no 'unavailable' line was logged:\n" + server.Output);
                await Task.Delay(200);
            }

            Assert.DoesNotContain("not-a-real-token", server.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    private async Task<ServiceProcess> StartServerAsync(TestDatabase database, string[] contexts)
    {
        var environment = Services.Environment(database, new Dictionary<string, string?>
        {
            ["Clusters__Kubeconfig"] = clusters.Kubeconfig,
            ["Scheduler__ServerStatus__ProcessedRetention"] = "00:00:05",
        });
        for (var i = 0; i < contexts.Length; i++)
        {
            environment[$"Clusters__Contexts__{i}"] = contexts[i];
        }

        var server = ServiceProcess.Start("velero.dll", environment, "server");
        await server.WaitReadyAsync(Services.ReadyTimeout);
        return server;
    }
}
