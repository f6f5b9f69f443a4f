using Velero.Cli.Tests.Support;

namespace Velero.Cli.Tests.CommandLine;

public sealed class CliAppTests
{
    [Fact]
    public async Task An_unknown_flag_prints_cobras_error_and_the_usage_and_exits_1()
    {
        var run = await CliRunner.RunAsync(["version", "--bogus"]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Error: unknown flag: --bogus\nUsage:\n  velero version [flags]\n", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task An_unknown_command_names_itself_and_exits_1()
    {
        var run = await CliRunner.RunAsync(["frobnicate"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Error: unknown command \"frobnicate\" for \"velero\"\nRun 'velero --help' for usage.\n", run.Stderr);
    }

    [Fact]
    public async Task An_unreachable_cluster_is_one_line_not_a_stack_trace()
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"velero-unreachable-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(kubeconfig, $$$"""
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "http://127.0.0.1:{{{Velero.Testing.FreePort.Next()}}}"}}]
            contexts: [{name: c, context: {cluster: c, user: u}}]
            users: [{name: u, user: {token: t}}]
            current-context: c
            """);
        try
        {
            var run = await CliRunner.RunAsync(["version", "--kubeconfig", kubeconfig, "--timeout", "3s"]);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("\n<error getting server version: the Kubernetes API server is not reachable", run.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Stdout + run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Fact]
    public async Task Help_lists_the_flags_in_pflags_layout()
    {
        var run = await CliRunner.RunAsync(["version", "--help"]);

        Assert.Equal(0, run.ExitCode);
        Golden.Assert("version-help", run.Stdout);
    }

    [Fact]
    public async Task Client_only_version_prints_the_client_block()
    {
        var run = await CliRunner.RunAsync(["version", "--client-only"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^Client:\n\tVersion: v\d+\.\d+\.\d+\S*\n\tGit commit: \S+\n$", run.Stdout);
    }
}
