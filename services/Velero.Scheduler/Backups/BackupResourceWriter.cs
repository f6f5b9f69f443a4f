using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using Velero.Api.V1;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Resources;

namespace Velero.Scheduler.Backups;

/// <summary>
/// Mirrors a backup's record onto its Backup resource (a merge patch: Velero's CRDs have no status subresource), the
/// status fields of its phase as upstream sets them. Writing the same record twice changes nothing.
/// </summary>
internal sealed class BackupResourceWriter(ClusterRegistry clusters, TimeProvider time, ILogger<BackupResourceWriter> logger)
{
    /// <summary>
    /// Writes happen under the cluster's lock (<see cref="BackupClusterLock"/>), and cluster clients have no overall
    /// timeout (watches stay open): an API server that stops answering must not hold the lock for long.
    /// </summary>
    internal static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <param name="withDefaults">Also write what validation filled in (labels, annotations, spec defaults, status
    /// version and expiration): at intake, and when a backup starts in case intake's write was lost.</param>
    public async Task WriteAsync(BackupRow row, bool withDefaults, CancellationToken cancellationToken)
    {
        if (row.DeletedAt is not null)
        {
            return;
        }

        var cluster = clusters.Find(row.Cluster.Id);
        if (cluster is null)
        {
            logger.LogWarning("Backup {Name} is in cluster {Cluster}, which this scheduler does not reach now", row.Name, row.Cluster.Name);
            return;
        }

        using var timeout = new CancellationTokenSource(RequestTimeout, time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await new CustomResourceClient<Backup>(cluster.Client).PatchAsync(row.Namespace, row.Name,
                Patch(row, withDefaults), bounded.Token);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Deleted meanwhile: the watch records that.
        }
    }

    internal static JsonObject Patch(BackupRow row, bool withDefaults)
    {
        var patch = withDefaults && row.Defaults is { } defaults ? JsonNode.Parse(defaults)!.AsObject() : [];
        var status = patch["status"] as JsonObject ?? [];
        foreach (var (name, value) in JsonNode.Parse(KubernetesJson.Serialize(Status(row)))!.AsObject().ToList())
        {
            status[name] = value?.DeepClone();
        }

        patch["status"] = status;
        return patch;
    }

    /// <summary>The status fields each phase owns (null fields are left as they are).</summary>
    internal static BackupStatus Status(BackupRow row)
    {
        var status = new BackupStatus { Phase = row.Phase };
        switch (row.Phase)
        {
            case BackupPhase.Queued:
                status.QueuePosition = row.QueuePosition;
                break;
            case BackupPhase.FailedValidation:
                status.ValidationErrors = row.ValidationErrors is null ? null : [.. row.ValidationErrors];
                break;
            case BackupPhase.InProgress:
                status.QueuePosition = 0;
                status.StartTimestamp = Timestamp(row.StartedAt);
                status.Progress = Progress(row);
                break;
            case BackupPhase.Completed or BackupPhase.PartiallyFailed:
                status.QueuePosition = 0;
                status.StartTimestamp = Timestamp(row.StartedAt);
                status.CompletionTimestamp = Timestamp(row.CompletedAt);
                status.Progress = Progress(row);
                status.Warnings = row.Warnings;
                status.Errors = row.Errors;
                status.HookStatus = new HookStatus { HooksAttempted = row.HooksAttempted, HooksFailed = row.HooksFailed };
                break;
            case BackupPhase.Failed:
                status.QueuePosition = 0;
                status.StartTimestamp = Timestamp(row.StartedAt);
                status.CompletionTimestamp = Timestamp(row.CompletedAt);
                status.FailureReason = row.FailureReason;
                status.Progress = Progress(row);
                break;
        }

        return status;
    }

    private static BackupProgress? Progress(BackupRow row) =>
        row.ProgressTotal is null && row.ProgressBackedUp is null
            ? null
            : new BackupProgress { TotalItems = row.ProgressTotal, ItemsBackedUp = row.ProgressBackedUp };

    // Kubernetes timestamps have whole seconds (metav1.Time).
    private static DateTime? Timestamp(DateTimeOffset? at) =>
        at is { } value ? new DateTime(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, DateTimeKind.Utc) : null;
}
