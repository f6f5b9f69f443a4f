using System.Net;
using k8s.Autorest;
using Velero.Api.V1;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Locations;
using Velero.Kubernetes.Resources;
using Velero.ObjectStorage;

namespace Velero.Scheduler.Downloads;

/// <summary>
/// Answers one DownloadRequest as upstream's download-request controller does: an expired request is deleted whatever
/// its phase; a new one gets its expiration (now + 10 minutes) at once, then the target's backup (a restore's through
/// its <c>spec.backupName</c>) leads to the location, whose URL for the target's key makes it <c>Processed</c> with the
/// expiration extended. A request whose backup, restore or location is missing keeps phase <c>New</c> until it expires,
/// as upstream; the reason, which upstream only logs, is logged here too, so <c>velero</c>'s time-out message
/// ("check velero server logs") leads to it.
/// </summary>
internal sealed class DownloadRequestProcessor(ObjectStoreFactory stores, DownloadUrls urls, TimeProvider time,
    ILogger<DownloadRequestProcessor> logger)
{
    /// <summary>Upstream's <c>DownloadURLTTL</c>.</summary>
    public static readonly TimeSpan UrlTtl = TimeSpan.FromMinutes(10);

    /// <param name="retry">
    /// False for watch events: a new request already tried (its expiration set) is left to the resync, so the status
    /// this writes does not trigger it again.
    /// </param>
    public async Task<DownloadRequestOutcome> ProcessAsync(ClusterConnection cluster, DownloadRequest request, bool retry,
        CancellationToken cancellationToken)
    {
        var resources = new CustomResourceClient<DownloadRequest>(cluster.Client);
        var (ns, name) = (request.Metadata.NamespaceProperty, request.Metadata.Name);
        var status = request.Status;
        if (status?.Expiration is { } expiration && Utc(expiration) < time.GetUtcNow())
        {
            await resources.DeleteAsync(ns, name, cancellationToken);
            logger.LogDebug("DownloadRequest {Namespace}/{Name} expired and was deleted", ns, name);
            return DownloadRequestOutcome.Deleted;
        }

        if (status?.Phase == DownloadRequestPhase.Processed || (!retry && status?.Expiration is not null))
        {
            return DownloadRequestOutcome.Unchanged;
        }

        string? problem;
        string? url = null;
        var transient = false;
        try
        {
            (url, problem) = await ResolveAsync(cluster, request, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpOperationException or HttpRequestException
                                      or ObjectStorageException or TaskCanceledException)
        {
            (problem, transient) = (Describe(e), true);
        }

        var expires = Expiration();
        if (url is null)
        {
            var level = retry ? LogLevel.Debug : LogLevel.Warning;
            logger.Log(level, "DownloadRequest {Namespace}/{Name} ({Kind} {Target}) cannot be answered{Retry}: {Reason}", ns, name,
                request.Spec.Target?.Kind, request.Spec.Target?.Name, transient ? ", trying again later" : "", problem);
            await PatchAsync(resources, ns, name, new DownloadRequestStatus { Expiration = expires.UtcDateTime }, cancellationToken);
            return transient ? DownloadRequestOutcome.Failed : DownloadRequestOutcome.Unresolved;
        }

        // The URL's signature never reaches the logs: the kind and the target say which file was served.
        logger.LogInformation("DownloadRequest {Namespace}/{Name} processed: {Kind} of {Target}", ns, name,
            request.Spec.Target!.Kind, request.Spec.Target.Name);
        await PatchAsync(resources, ns, name, new DownloadRequestStatus
        {
            Phase = DownloadRequestPhase.Processed,
            DownloadURL = url,
            Expiration = expires.UtcDateTime,
        }, cancellationToken);
        return DownloadRequestOutcome.Processed;
    }

    /// <summary>The URL, or why there is none that retrying would change.</summary>
    private async Task<(string? Url, string? Problem)> ResolveAsync(ClusterConnection cluster, DownloadRequest request,
        CancellationToken cancellationToken)
    {
        var ns = request.Metadata.NamespaceProperty;
        var (kind, target) = (request.Spec.Target?.Kind, request.Spec.Target?.Name);
        if (!DownloadTargets.IsKnown(kind) || string.IsNullOrEmpty(target))
        {
            return (null, $"unsupported download target kind \"{kind}\"");
        }

        var backupName = target;
        if (DownloadTargets.NamesRestore(kind!))
        {
            var restore = await new CustomResourceClient<Restore>(cluster.Client).GetAsync(ns, target, cancellationToken);
            if (restore is null)
            {
                return (null, $"fail to get restore for DownloadRequest: restores.velero.io \"{target}\" not found");
            }

            backupName = restore.Spec.BackupName ?? "";
        }

        var backup = string.IsNullOrEmpty(backupName) ? null
            : await new CustomResourceClient<Backup>(cluster.Client).GetAsync(ns, backupName, cancellationToken);
        if (backup is null)
        {
            return (null, $"fail to get backup for DownloadRequest: backups.velero.io \"{backupName}\" not found");
        }

        var locationName = backup.Spec.StorageLocation;
        if (string.IsNullOrEmpty(locationName))
        {
            return (null, $"backup \"{backupName}\" names no storage location");
        }

        var (location, error) = await StorageLocationOpener.OpenAsync(cluster.Client, stores, ns, locationName, cancellationToken);
        if (location is null)
        {
            return (null, error);
        }

        using (location)
        {
            var grant = new DownloadGrant(cluster.Identity!.Id, ns, locationName, DownloadTargets.KeyOf(kind!, target), Expiration());
            var url = await urls.CreateAsync(location, grant, UrlTtl, cancellationToken);
            return (url.AbsoluteUri, null);
        }
    }

    private static async Task PatchAsync(CustomResourceClient<DownloadRequest> resources, string ns, string name,
        DownloadRequestStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await resources.PatchStatusAsync(ns, name, status, cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Deleted while it was being answered: nobody waits for it any more.
        }
    }

    /// <summary>Now plus the TTL, to the second as a <c>metav1.Time</c> holds it.</summary>
    private DateTimeOffset Expiration()
    {
        var at = time.GetUtcNow() + UrlTtl;
        return at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));
    }

    private static DateTimeOffset Utc(DateTime value) =>
        new(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static string Describe(Exception e) => e switch
    {
        HttpOperationException http => $"the API server answered {(int)http.Response.StatusCode} {http.Response.ReasonPhrase}",
        HttpRequestException request => "cannot connect: " + (request.InnerException?.Message ?? request.Message),
        TaskCanceledException => "the request timed out",
        _ => e.Message,
    };
}
