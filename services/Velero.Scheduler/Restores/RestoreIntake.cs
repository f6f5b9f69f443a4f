using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Api.V1;
using Velero.Contracts.Restores;
using Velero.Kubernetes.Clusters;
using Velero.Scheduler.Outbox;
using Velero.Selection.Validation;

namespace Velero.Scheduler.Restores;

/// <summary>
/// Takes a <c>New</c> Restore in (spec 3.2, 5.1): records it, validates it against its cluster as upstream's restore
/// controller does, and either ends it <c>FailedValidation</c> (upstream's messages, a <c>RestoreFailed</c> event) or
/// accepts it: the defaults validation filled are written to the resource and it waits, still <c>New</c>, for the
/// dispatcher. Idempotent on the uid: a Restore seen again is only brought in line with its record.
/// </summary>
internal sealed class RestoreIntake(
    NpgsqlDataSource dataSource,
    RestoreResourceWriter writer,
    RestoreQueueSignal queue,
    IOptions<RestoreOptions> options,
    TimeProvider time,
    ILogger<RestoreIntake> logger)
{
    public async Task IntakeAsync(ClusterConnection cluster, Restore restore, CancellationToken cancellationToken)
    {
        var clusterRef = cluster.Identity ?? throw new InvalidOperationException($"cluster {cluster.Name} has not been reached");
        using var activity = SchedulerTelemetry.Source.StartActivity("restore intake", ActivityKind.Consumer);
        activity?.SetTag("velero.cluster", clusterRef.Name);
        activity?.SetTag("velero.restore.name", restore.Metadata.Name);
        activity?.SetTag("velero.restore.uid", restore.Metadata.Uid);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (await RestoreClusterLock.AcquireAsync(connection, clusterRef.Id, cancellationToken))
        {
            var row = await RestoreStore.RecordAsync(connection, clusterRef, restore, Activity.Current?.Id, time.GetUtcNow(),
                cancellationToken);
            if (row.Phase != RestorePhase.New)
            {
                // Decided before, and the resource did not get it (a restart between commit and write).
                await writer.WriteAsync(row, withDefaults: true, cancellationToken);
                return;
            }

            if (row.AcceptedAt is null)
            {
                var result = await RestoreValidationContextReader.ValidateAsync(cluster.Client, restore,
                    options.Value.DefaultItemOperationTimeout, time, cancellationToken);
                await RecordResultAsync(connection, row, result, cancellationToken);
                row = await RestoreStore.ReadAsync(connection, null, row.Uid, cancellationToken) ?? row;
                await writer.WriteAsync(row, withDefaults: true, cancellationToken);
                logger.LogInformation("Restore {Cluster}/{Name} {Outcome}{Errors}", clusterRef.Name, row.Name,
                    result.IsValid ? "accepted" : row.Phase, result.IsValid ? "" : ": " + string.Join("; ", result.Errors));
            }
        }

        // An accepted restore seen again (its own defaults written, a re-list) only wakes the dispatcher.
        queue.Poke();
    }

    private async Task RecordResultAsync(NpgsqlConnection connection, RestoreRow row, RestoreValidationResult result,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var defaults = Defaults(result.Restore).ToJsonString();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!result.IsValid)
        {
            if (await RestoreStore.MarkFailedValidationAsync(connection, transaction, row.Uid, result.Errors, defaults,
                    result.Restore.Spec, now, cancellationToken))
            {
                await OutboxWriter.EnqueueAsync(connection, transaction, new RestoreFailed
                {
                    Restore = row.Ref,
                    Phase = RestorePhase.FailedValidation,
                    ValidationErrors = result.Errors,
                    FailedAt = now,
                }, now, cancellationToken);
            }
        }
        else
        {
            await RestoreStore.MarkAcceptedAsync(connection, transaction, row.Uid, defaults, result.Restore.Spec,
                result.Backup!.Spec.StorageLocation ?? result.Location!.Metadata.Name, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// What validation filled in the spec, as the merge patch written to the resource (upstream persists the same):
    /// the excludes with the non-restorable resources, the backup a schedule resolved to, the backup's schedule and the
    /// item operation timeout. Fields validation left empty are not written.
    /// </summary>
    internal static JsonObject Defaults(Restore validated)
    {
        var spec = validated.Spec;
        var patch = new JsonObject
        {
            ["excludedResources"] = new JsonArray([.. (spec.ExcludedResources ?? []).Select(r => JsonValue.Create(r))]),
        };
        if (!string.IsNullOrEmpty(spec.BackupName))
        {
            patch["backupName"] = spec.BackupName;
        }

        if (!string.IsNullOrEmpty(spec.ScheduleName))
        {
            patch["scheduleName"] = spec.ScheduleName;
        }

        if (!string.IsNullOrEmpty(spec.ItemOperationTimeout))
        {
            patch["itemOperationTimeout"] = spec.ItemOperationTimeout;
        }

        return new JsonObject { ["spec"] = patch };
    }
}
