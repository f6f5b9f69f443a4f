using System.Reflection;
using Velero.Cli.CommandLine;
using Velero.Cli.Resources;

namespace Velero.Cli.Commands.Version;

/// <summary>
/// <c>velero version [--client-only] [--timeout 5s]</c>, in upstream's format: the client's version, then the
/// server's, read from a ServerStatusRequest that the scheduler answers. A server that does not answer is one
/// <c>&lt;error getting server version: ...&gt;</c> line, exit code 0, as upstream.
/// </summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the velero version and associated image") { Args = ArgsRule.None };
        var timeout = command.Flags.Duration("timeout", null, TimeSpan.FromSeconds(5),
            "Maximum time to wait for server version to be reported. Default is 5 seconds.");
        var clientOnly = command.Flags.Bool("client-only", null, false, "Only get velero client version, not server version");
        command.Run = ctx => RunAsync(ctx, clientOnly.Value, timeout.Value);
        return command;
    }

    private static async Task<int> RunAsync(CommandContext ctx, bool clientOnly, TimeSpan timeout)
    {
        if (!clientOnly)
        {
            // A kubeconfig that cannot be loaded is an error of the command, as upstream's client factory makes it.
            _ = ctx.Kube();
        }

        var (clientVersion, commit) = ClientVersion();
        await ctx.Out.WriteLineAsync($"Client:\n\tVersion: {clientVersion}\n\tGit commit: {commit}");
        if (clientOnly)
        {
            return 0;
        }

        string serverVersion;
        try
        {
            serverVersion = (await ServerStatus.GetAsync(ctx, timeout)).Status?.ServerVersion ?? "";
        }
        catch (Exception e) when (CliApp.Describe(e) is { } message && !ctx.CancellationToken.IsCancellationRequested)
        {
            await ctx.Out.WriteLineAsync($"<error getting server version: {message}>");
            return 0;
        }

        await ctx.Out.WriteLineAsync($"Server:\n\tVersion: {serverVersion}");
        if (MajorMinor(serverVersion) is var server && MajorMinor(clientVersion) is var client && server != client)
        {
            // Upstream compares major.minor only, and names whichever side is older.
            var upgrade = Compare(client, server) > 0 ? "server" : "client";
            await ctx.Out.WriteLineAsync($"# WARNING: the client version does not match the server version. Please update {upgrade}");
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

    /// <summary>golang.org/x/mod/semver's MajorMinor: <c>v1.18</c> from <c>v1.18.1</c>; empty when not a version.</summary>
    private static string MajorMinor(string version)
    {
        var parts = version.TrimStart('v').Split('-', '+')[0].Split('.');
        return version.StartsWith('v') && parts.Length >= 1 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit))
            ? "v" + string.Join('.', parts.Take(2).Concat(parts.Length == 1 ? ["0"] : []))
            : "";
    }

    private static int Compare(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length.CompareTo(b.Length);
        }

        var x = a[1..].Split('.').Select(int.Parse).ToArray();
        var y = b[1..].Split('.').Select(int.Parse).ToArray();
        return x[0] != y[0] ? x[0].CompareTo(y[0]) : x[1].CompareTo(y[1]);
    }
}
