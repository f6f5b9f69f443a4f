using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using Velero.Api.V1;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Resources;
using Velero.Scheduler.Backups;

namespace Velero.Scheduler.Restores;

/// <summary>
/// Mirrors a restore's record onto its Restore resource (a merge patch: Velero's CRDs have no status subresource), the
/// status fields of its phase as upstream sets them. Writing the same record twice changes nothing.
/// </summary>
internal sealed class RestoreResourceWriter(ClusterRegistry clusters, TimeProvider time, ILogger<RestoreResourceWriter> logger)
{
    /// <param name="withDefaults">Also write what validation filled in the spec: at intake, and when a restore starts in
    /// case intake's write was lost.</param>
    public async Task WriteAsync(RestoreRow row, bool withDefaults, CancellationToken cancellationToken)
    {
        if (row.DeletedAt is not null)
        {
            return;
        }

        var cluster = clusters.Find(row.Cluster.Id);
        if (cluster is null)
        {
            logger.LogWarning("Restore {Name} is in cluster {Cluster}, which this scheduler does not reach now", row.Name, row.Cluster.Name);
            return;
        }

        // Writes happen under the cluster's restore lock: an API server that stops answering must not hold it for long.
        using var timeout = new CancellationTokenSource(BackupResourceWriter.RequestTimeout, time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await new CustomResourceClient<Restore>(cluster.Client).PatchAsync(row.Namespace, row.Name,
                Patch(row, withDefaults), bounded.Token);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Deleted meanwhile: the watch records that.
        }
    }

    internal static JsonObject Patch(RestoreRow row, bool withDefaults)
    {
        var patch = withDefaults && row.Defaults is { } defaults ? JsonNode.Parse(defaults)!.AsObject() : [];
        if (Status(row) is { } status)
        {
            patch["status"] = JsonNode.Parse(KubernetesJson.Serialize(status));
        }

        return patch;
    }

    /// <summary>The status fields each phase owns (null fields are left as they are); none while it waits, still <c>New</c>.</summary>
    internal static RestoreStatus? Status(RestoreRow row) => row.Phase switch
    {
        RestorePhase.FailedValidation => new RestoreStatus
        {
            Phase = row.Phase,
            ValidationErrors = row.ValidationErrors is null ? null : [.. row.ValidationErrors],
        },
        RestorePhase.InProgress => new RestoreStatus
        {
            Phase = row.Phase,
            StartTimestamp = Timestamp(row.StartedAt),
            Progress = Progress(row),
        },
        RestorePhase.Completed or RestorePhase.PartiallyFailed => new RestoreStatus
        {
            Phase = row.Phase,
            StartTimestamp = Timestamp(row.StartedAt),
            CompletionTimestamp = Timestamp(row.CompletedAt),
            Progress = Progress(row),
            Warnings = row.Warnings,
            Errors = row.Errors,
            HookStatus = new HookStatus { HooksAttempted = row.HooksAttempted, HooksFailed = row.HooksFailed },
        },
        RestorePhase.Failed => new RestoreStatus
        {
            Phase = row.Phase,
            StartTimestamp = Timestamp(row.StartedAt),
            CompletionTimestamp = Timestamp(row.CompletedAt),
            FailureReason = row.FailureReason,
            Progress = Progress(row),
            Warnings = row.Warnings,
            Errors = row.Errors,
        },
        _ => null,
    };

    private static RestoreProgress? Progress(RestoreRow row) =>
        row.ProgressTotal is null && row.ProgressRestored is null
            ? null
            : new RestoreProgress { TotalItems = row.ProgressTotal, ItemsRestored = row.ProgressRestored };

    // Kubernetes timestamps have whole seconds (metav1.Time).
    private static DateTime? Timestamp(DateTimeOffset? at) =>
        at is { } value ? new DateTime(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, DateTimeKind.Utc) : null;
}
