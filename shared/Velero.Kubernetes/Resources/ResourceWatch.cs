using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Velero.Kubernetes.Resources;

/// <summary>
/// Keeps a handler informed of every resource of one kind in one namespace: a full list first (each item as
/// <see cref="WatchEventType.Added"/>), then a watch from the list's resourceVersion; when the watch ends it
/// goes on from the last version seen, and when that version is too old (410 Gone) it lists again. The handler
/// must be idempotent: after a re-list it sees resources it has seen before.
/// </summary>
public sealed class ResourceWatch<T>(
    CustomResourceClient<T> resources,
    string @namespace,
    Func<WatchEventType, T, CancellationToken, Task> handle,
    TimeProvider time,
    ILogger logger)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private static readonly TimeSpan WatchTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CrdPollInterval = TimeSpan.FromSeconds(2);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        var waitingForCrd = false;
        string? resourceVersion = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                resourceVersion ??= await ListAsync(cancellationToken);
                await foreach (var (type, resource) in resources.WatchAsync(@namespace, resourceVersion, WatchTimeout, cancellationToken))
                {
                    resourceVersion = resource.Metadata?.ResourceVersion ?? resourceVersion;
                    if (type is WatchEventType.Bookmark)
                    {
                        continue;
                    }

                    if (type is WatchEventType.Error)
                    {
                        // The server reports an expired version in the stream as an error event: list again.
                        resourceVersion = null;
                        break;
                    }

                    await handle(type, resource, cancellationToken);
                }

                backoff = TimeSpan.FromMilliseconds(200);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Gone)
            {
                resourceVersion = null;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                // The CRD is not installed (yet): say so once, then look again every few seconds.
                if (!waitingForCrd)
                {
                    logger.LogInformation("{Resource} are not served in this cluster yet (velero.io CRDs not installed); waiting",
                        resources.Plural);
                    waitingForCrd = true;
                }

                await Task.Delay(CrdPollInterval, time, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                logger.LogWarning("Watching {Resource} in {Namespace} failed, retrying in {Delay}: {Reason}",
                    resources.Plural, @namespace, backoff, e.Message);
                await Task.Delay(backoff, time, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var list = await resources.ListAsync(@namespace, cancellationToken: cancellationToken);
        foreach (var item in list.Items)
        {
            await handle(WatchEventType.Added, item, cancellationToken);
        }

        return list.Metadata.ResourceVersion ?? "0";
    }
}
