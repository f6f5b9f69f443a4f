using k8s.Models;
using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Resources;

/// <summary>
/// Upstream's ServerStatusGetter: creates a ServerStatusRequest (<c>velero-cli-</c> generated name) and polls it
/// every 250ms until the server marks it Processed; the timeout reads as Go's <c>context deadline exceeded</c>.
/// </summary>
internal static class ServerStatus
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<ServerStatusRequest> GetAsync(CommandContext ctx, TimeSpan timeout)
    {
        var requests = new CustomResourceClient<ServerStatusRequest>(ctx.Kube());
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ctx.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var created = await requests.CreateAsync(new ServerStatusRequest
            {
                Metadata = new V1ObjectMeta { GenerateName = "velero-cli-", NamespaceProperty = ctx.Namespace },
            }, ctx.CancellationToken);
            while (true)
            {
                var current = await requests.GetAsync(ctx.Namespace, created.Metadata.Name, deadline.Token);
                if (current?.Status is { Phase: ServerStatusRequestPhase.Processed })
                {
                    return current;
                }

                await Task.Delay(PollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ctx.CancellationToken.IsCancellationRequested)
        {
            throw new CliException("context deadline exceeded");
        }
    }
}
