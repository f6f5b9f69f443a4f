using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Velero.Kubernetes.Exec;

/// <summary>
/// Follows one pod until the caller has seen what it waits for, as upstream's per-pod informer does for restore hooks:
/// a list by <c>metadata.name</c> first, then a watch from the list's resourceVersion, going on after the watch ends and
/// listing again when the version has expired (410 Gone) or the stream broke. The observer sees every state of the pod
/// (possibly one twice after a re-list) and null once the pod is gone, after which nothing more is observed. Cancel the
/// token to stop waiting (a timeout is the caller's).
/// </summary>
public sealed class PodWatcher(IKubernetes client, TimeProvider time)
{
    private static readonly TimeSpan WatchTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Calls <paramref name="observe"/> with each state of pod <paramref name="namespace"/>/<paramref name="name"/> until
    /// it returns true or is told the pod is gone (null).
    /// </summary>
    public async Task WatchAsync(string @namespace, string name, Func<V1Pod?, CancellationToken, ValueTask<bool>> observe,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observe);
        var selector = $"metadata.name={name}";
        var backoff = TimeSpan.FromMilliseconds(100);
        string? resourceVersion = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (resourceVersion is null)
                {
                    var list = await client.CoreV1.ListNamespacedPodAsync(@namespace, fieldSelector: selector,
                        cancellationToken: cancellationToken);
                    var pod = list.Items.FirstOrDefault(p => p.Metadata?.Name == name);
                    if (await observe(pod, cancellationToken) || pod is null)
                    {
                        return;
                    }

                    resourceVersion = list.Metadata?.ResourceVersion ?? "0";
                }

                var events = client.CoreV1.WatchListNamespacedPodAsync(@namespace, fieldSelector: selector,
                    resourceVersion: resourceVersion, timeoutSeconds: (int)WatchTimeout.TotalSeconds, cancellationToken: cancellationToken);
                await foreach (var (type, pod) in events)
                {
                    if (type == WatchEventType.Error)
                    {
                        // An expired version is reported in the stream: list again.
                        resourceVersion = null;
                        break;
                    }

                    resourceVersion = pod.Metadata?.ResourceVersion ?? resourceVersion;
                    if (type == WatchEventType.Bookmark || pod.Metadata?.Name != name)
                    {
                        continue;
                    }

                    var gone = type == WatchEventType.Deleted;
                    if (await observe(gone ? null : pod, cancellationToken) || gone)
                    {
                        return;
                    }
                }

                backoff = TimeSpan.FromMilliseconds(100);
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
            {
                // A stream torn down by the cancellation reports the cancellation.
                throw new OperationCanceledException("stopped watching the pod", e, cancellationToken);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Gone)
            {
                resourceVersion = null;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested
                                      && e is HttpOperationException or HttpRequestException or IOException or KubernetesException)
            {
                // A broken stream or a refused request: list again after a pause, as an informer's reflector does.
                resourceVersion = null;
                await Task.Delay(backoff, time, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }
}
