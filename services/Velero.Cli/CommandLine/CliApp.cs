using System.Net.Sockets;
using System.Text.Json;
using k8s.Autorest;

namespace Velero.Cli.CommandLine;

/// <summary>
/// Runs one command line against a command tree: parse, run, and turn every failure into upstream's one-line
/// message and exit code 1 (cobra's <c>Error: ...</c> for usage mistakes, <c>An error occurred: ...</c> otherwise).
/// </summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(Command root, GlobalFlags globals, IReadOnlyList<string> args,
        CliEnvironment env, CancellationToken cancellationToken = default)
    {
        CommandParser.Result parsed;
        try
        {
            parsed = CommandParser.Parse(root, args);
        }
        catch (UsageException e)
        {
            var command = CommandParser.Parse(root, [.. args.TakeWhile(a => !a.StartsWith('-'))]);
            await env.Err.WriteAsync($"Error: {e.Message}\n{HelpWriter.Usage(command.Command)}\n");
            return 1;
        }

        var (target, positional, help) = parsed;
        if (help || target.Run is null)
        {
            if (!help && positional.Count > 0)
            {
                await env.Err.WriteAsync($"Error: unknown command \"{positional[0]}\" for \"{target.CommandPath}\"\nRun '{target.CommandPath} --help' for usage.\n");
                return 1;
            }

            await env.Out.WriteAsync(HelpWriter.Help(target));
            return 0;
        }

        foreach (var flag in target.LocalFlags().Concat(target.InheritedFlags()).Where(f => f.Changed && f.Deprecated is not null))
        {
            await env.Err.WriteLineAsync($"Flag --{flag.Name} has been deprecated, {flag.Deprecated}");
        }

        try
        {
            return await target.Run(new CommandContext(target, positional, env, globals, cancellationToken));
        }
        catch (UsageException e)
        {
            await env.Err.WriteAsync($"Error: {e.Message}\n{HelpWriter.Usage(target)}\n");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C: stop quietly, as upstream's CheckError does for context.Canceled.
            return 1;
        }
        catch (Exception e) when (Describe(e) is { } message)
        {
            await env.Err.WriteLineAsync($"An error occurred: {message}");
            return 1;
        }
    }

    /// <summary>The one line a user sees for a failure; null for bugs, which keep their stack trace.</summary>
    internal static string? Describe(Exception exception) => exception switch
    {
        CliException e => e.Message,
        HttpOperationException e => StatusMessage(e),
        HttpRequestException { InnerException: SocketException s } e =>
            $"the Kubernetes API server is not reachable ({s.SocketErrorCode}): {e.Message}",
        HttpRequestException e => $"the Kubernetes API server is not reachable: {e.Message}",
        TaskCanceledException { InnerException: TimeoutException } => "timed out talking to the Kubernetes API server",
        k8s.Exceptions.KubeConfigException e => $"invalid configuration: {e.Message}",
        IOException e => e.Message,
        UnauthorizedAccessException e => e.Message,
        _ => null,
    };

    /// <summary>The API server's own message (<c>backups.velero.io "x" not found</c>), as client-go reports it.</summary>
    private static string StatusMessage(HttpOperationException e)
    {
        try
        {
            using var body = JsonDocument.Parse(e.Response?.Content ?? "");
            if (body.RootElement.TryGetProperty("message", out var message) && message.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
        }

        return $"the server responded {(int?)e.Response?.StatusCode} {e.Response?.ReasonPhrase}".TrimEnd();
    }
}
