using System.Globalization;
using System.Reflection;
using k8s.Models;
using Velero.Api.V1;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Commands;

/// <summary>
/// <c>velero version [--client-only] [--timeout 5s]</c>, in upstream's format: the client's version, then the
/// server's, read from a ServerStatusRequest that the scheduler answers.
/// </summary>
internal static class VersionCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var (cluster, rest) = ClusterOptions.Parse(args);
        var clientOnly = rest.Remove("--client-only");
        var timeout = TimeSpan.FromSeconds(5);
        if (rest.IndexOf("--timeout") is var at and >= 0)
        {
            if (at + 1 >= rest.Count || !TryParseDuration(rest[at + 1], out timeout))
            {
                await error.WriteLineAsync("velero version: --timeout needs a duration such as 5s or 1m");
                return 1;
            }

            rest.RemoveRange(at, 2);
        }

        if (rest.Count > 0)
        {
            await error.WriteLineAsync($"velero version: unknown flag: {rest[0]}");
            return 1;
        }

        var (clientVersion, commit) = ClientVersion();
        await output.WriteLineAsync($"Client:\n\tVersion: {clientVersion}\n\tGit commit: {commit}");
        if (clientOnly)
        {
            return 0;
        }

        await output.WriteLineAsync("Server:");
        string serverVersion;
        try
        {
            serverVersion = await ServerVersionAsync(cluster, timeout);
        }
        catch (Exception e) when (e is TimeoutException or HttpRequestException or k8s.Autorest.HttpOperationException
                                      or k8s.Exceptions.KubeConfigException or IOException)
        {
            await output.WriteLineAsync($"\t<error getting server version: {e.Message}>");
            return 0;
        }

        await output.WriteLineAsync($"\tVersion: {serverVersion}");
        if (serverVersion != clientVersion)
        {
            await output.WriteLineAsync("# WARNING: the client version does not match the server version. Please update client");
        }

        return 0;
    }

    internal static (string Version, string Commit) ClientVersion()
    {
        var informational = typeof(VersionCommand).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var parts = informational.Split('+', 2);
        return ("v" + parts[0], parts.Length > 1 ? parts[1] : "unknown");
    }

    private static async Task<string> ServerVersionAsync(ClusterOptions cluster, TimeSpan timeout)
    {
        using var client = cluster.CreateClient();
        var requests = new CustomResourceClient<ServerStatusRequest>(client);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            var created = await requests.CreateAsync(new ServerStatusRequest
            {
                Metadata = new V1ObjectMeta { GenerateName = "velero-cli-", NamespaceProperty = cluster.Namespace },
            }, deadline.Token);
            while (true)
            {
                await Task.Delay(PollInterval, deadline.Token);
                var current = await requests.GetAsync(cluster.Namespace, created.Metadata.Name, deadline.Token);
                if (current?.Status is { Phase: ServerStatusRequestPhase.Processed } status)
                {
                    return status.ServerVersion ?? "";
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException("timed out waiting for server status request to be processed");
        }
    }

    private static bool TryParseDuration(string value, out TimeSpan duration)
    {
        duration = default;
        return value.Length > 1 && value[^1] is 's' or 'm'
               && double.TryParse(value[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
               && (duration = value[^1] == 's' ? TimeSpan.FromSeconds(amount) : TimeSpan.FromMinutes(amount)) > TimeSpan.Zero;
    }
}
