using k8s;
using k8s.Models;
using Velero.Cli.CommandLine;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Progress;

/// <summary>
/// <c>--wait</c> for <c>backup create</c> and <c>restore create</c>: follows the resource until it reaches a final
/// phase, on a terminal as a bar redrawn in place with <c>\r</c>, otherwise as a plain line on every phase change and
/// every few seconds. Ends with upstream's completion text. Ctrl-C only stops the waiting (upstream's "you may safely
/// press ctrl-c"): the resource is left to the server.
/// </summary>
internal sealed class ProgressWaiter<T>(CommandContext ctx, string noun, Func<T, ProgressState> read)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>How often the resource is read; the bar's clock is redrawn as often.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a plain line is printed when nothing changed.</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    public async Task WaitAsync(string name)
    {
        var capitalized = char.ToUpperInvariant(noun[0]) + noun[1..];
        await ctx.Out.WriteLineAsync(
            $"Waiting for {noun} to complete. You may safely press ctrl-c to stop waiting - your {noun} will continue in the background.");
        var client = new CustomResourceClient<T>(ctx.Kube());
        var started = ctx.Time.GetUtcNow();
        var lastPlain = started;
        string? lastPhase = null;
        var drawn = false;
        try
        {
            while (true)
            {
                var resource = await client.GetAsync(ctx.Namespace, name, ctx.CancellationToken);
                if (resource is null)
                {
                    await ctx.Out.WriteAsync($"\nError waiting: unable to watch {noun}s.\n");
                    return;
                }

                var state = read(resource);
                var now = ctx.Time.GetUtcNow();
                var elapsed = now - started;
                if (ctx.OutputIsTerminal)
                {
                    await ctx.Out.WriteAsync("\r" + ProgressBar.Line(state, elapsed));
                    drawn = true;
                }
                else if (state.Phase != lastPhase || now - lastPlain >= PlainInterval)
                {
                    await ctx.Out.WriteLineAsync(ProgressBar.Plain(state, elapsed));
                    lastPlain = now;
                }

                lastPhase = state.Phase;
                await ctx.Out.FlushAsync(ctx.CancellationToken);
                if (state.Finished)
                {
                    if (drawn)
                    {
                        await ctx.Out.WriteAsync("\n");
                    }

                    await ctx.Out.WriteLineAsync(
                        $"{capitalized} completed with status: {state.Phase}. You may check for more information using the commands `velero {noun} describe {name}` and `velero {noun} logs {name}`.");
                    return;
                }

                await Task.Delay(PollInterval, ctx.CancellationToken);
            }
        }
        catch (OperationCanceledException) when (ctx.CancellationToken.IsCancellationRequested && drawn)
        {
            // Leave the terminal on a fresh line; the command then ends as any interrupted one.
            await ctx.Out.WriteAsync("\n");
            throw;
        }
    }
}
