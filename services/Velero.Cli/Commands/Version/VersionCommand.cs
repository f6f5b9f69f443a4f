using System.Reflection;
using k8s.Models;
using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Commands.Version;

/// <summary>
/// <c>velero version [--client-only] [--timeout 5s]</c>, in upstream's format: the client's version, then the
/// server's, read from a ServerStatusRequest that the scheduler answers.
/// </summary>
internal static class VersionCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static Command Create()
    {
        var command = new Command("version", "Print the velero version and associated image") { Args = ArgsRule.None };
        var clientOnly = command.Flags.Bool("client-only", null, false, "Only display the client version");
        var timeout = command.Flags.Duration("timeout", null, TimeSpan.FromSeconds(5),
            "Maximum time to wait for server version to be reported");
        command.Run = ctx => RunAsync(ctx, clientOnly.Value, timeout.Value);
        return command;
    }

    private static async Task<int> RunAsync(CommandContext ctx, bool clientOnly, TimeSpan timeout)
    {
        var (clientVersion, commit) = ClientVersion();
        await ctx.Out.WriteLineAsync($"Client:\n\tVersion: {clientVersion}\n\tGit commit: {commit}");
        if (clientOnly)
        {
            return 0;
        }

        await ctx.Out.WriteLineAsync("Server:");
        string serverVersion;
        try
        {
            serverVersion = await ServerVersionAsync(ctx, timeout);
        }
        catch (Exception e) when (e is TimeoutException || CliApp.Describe(e) is not null)
        {
            await ctx.Out.WriteLineAsync($"\t<error getting server version: {CliApp.Describe(e) ?? e.Message}>");
            return 0;
        }

        await ctx.Out.WriteLineAsync($"\tVersion: {serverVersion}");
        if (serverVersion != clientVersion)
        {
            await ctx.Out.WriteLineAsync("# WARNING: the client version does not match the server version. Please update client");
        }

        return 0;
    }

    public static (string Version, string Commit) ClientVersion()
    {
        var informational = typeof(VersionCommand).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var parts = informational.Split('+', 2);
        return ("v" + parts[0], parts.Length > 1 ? parts[1] : "unknown");
    }

    private static async Task<string> ServerVersionAsync(CommandContext ctx, TimeSpan timeout)
    {
        var requests = new CustomResourceClient<ServerStatusRequest>(ctx.Kube());
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ctx.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var created = await requests.CreateAsync(new ServerStatusRequest
            {
                Metadata = new V1ObjectMeta { GenerateName = "velero-cli-", NamespaceProperty = ctx.Namespace },
            }, deadline.Token);
            while (true)
            {
                await Task.Delay(PollInterval, deadline.Token);
                var current = await requests.GetAsync(ctx.Namespace, created.Metadata.Name, deadline.Token);
                if (current?.Status is { Phase: ServerStatusRequestPhase.Processed } status)
                {
                    return status.ServerVersion ?? "";
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ctx.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("timed out waiting for server status request to be processed");
        }
    }
}
