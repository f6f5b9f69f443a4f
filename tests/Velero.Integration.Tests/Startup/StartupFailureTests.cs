using Velero.Testing;

namespace Velero.Integration.Tests.Startup;

/// <summary>A service that cannot start says why on one line and exits non-zero, within a bounded time.</summary>
public sealed class StartupFailureTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_service_that_cannot_reach_rabbitmq_exits_with_one_line_naming_it()
    {
        var port = FreePort.Next();
        await using var service = ServiceProcess.Start("Velero.Uploader.dll", new Dictionary<string, string?>
        {
            ["ConnectionStrings__RabbitMq"] = $"amqp://velero:s3cret-password@127.0.0.1:{port}/",
            ["Startup__DependencyTimeout"] = "00:00:03",
        });

        Assert.Equal(1, await service.WaitForExitAsync(ExitTimeout));
        var line = Assert.Single(service.ErrorLines);
        Assert.StartsWith("velero-uploader: cannot reach RabbitMQ at amqp://127.0.0.1:", line, StringComparison.Ordinal);
        Assert.Contains("within 3s", line, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-password", service.Output + line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scheduler_exits_when_postgres_is_unreachable()
    {
        var port = FreePort.Next();
        await using var service = ServiceProcess.Start("Velero.Scheduler.dll", new Dictionary<string, string?>
        {
            ["ConnectionStrings__RabbitMq"] = TestInfrastructure.RabbitMqUrl,
            ["ConnectionStrings__Postgres"] = $"Host=127.0.0.1;Port={port};Username=postgres;Password=pg-s3cret;Database=velero",
            ["Startup__DependencyTimeout"] = "00:00:03",
        });

        Assert.Equal(1, await service.WaitForExitAsync(ExitTimeout));
        var line = Assert.Single(service.ErrorLines);
        Assert.StartsWith($"velero-scheduler: cannot reach PostgreSQL at 127.0.0.1:{port}/velero within 3s", line, StringComparison.Ordinal);
        Assert.DoesNotContain("pg-s3cret", service.Output + line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "ConnectionStrings:RabbitMq is not set")]
    [InlineData("http://127.0.0.1:5672/", "ConnectionStrings:RabbitMq must be an amqp:// or amqps:// URI")]
    public async Task Invalid_configuration_exits_with_one_line(string rabbitMq, string expected)
    {
        await using var service = ServiceProcess.Start("Velero.Restorer.dll", new Dictionary<string, string?>
        {
            ["ConnectionStrings__RabbitMq"] = rabbitMq,
        });

        Assert.Equal(1, await service.WaitForExitAsync(ExitTimeout));
        var line = Assert.Single(service.ErrorLines);
        Assert.StartsWith("velero-restorer: invalid configuration: " + expected, line, StringComparison.Ordinal);
    }

    // Exit code 1 and cobra's error and usage hint, as every velero command reports a mistake.
    [Fact]
    public async Task Velero_server_rejects_an_unknown_role()
    {
        await using var service = ServiceProcess.Start("velero.dll", new Dictionary<string, string?>(), "server", "--roles", "scheduler,backupper");

        Assert.Equal(1, await service.WaitForExitAsync(ExitTimeout));
        Assert.Equal(
            ["Error: unknown role 'backupper'; valid roles: scheduler,snapshotter,uploader,restorer",
             "Run 'velero server --help' for usage."],
            service.ErrorLines);
    }
}
