using System.Diagnostics;
using System.Text.Json.Nodes;
using k8s;
using Npgsql;
using Velero.Api.V1;
using Velero.Contracts.Backups;
using Velero.Kubernetes.Clusters;
using Velero.Scheduler.Outbox;
using Velero.Selection.Validation;

namespace Velero.Scheduler.Backups;

/// <summary>
/// Takes a <c>New</c> Backup in (spec 3.1, 4.1): records it, validates it against its cluster as upstream's backup
/// controller does, and moves it to <c>FailedValidation</c> (with upstream's messages and a <c>BackupFailed</c> event) or
/// to <c>Queued</c> at the end of its cluster's queue, with the defaults validation filled written to the resource.
/// Idempotent on the uid: a Backup seen again is only brought in line with its record.
/// </summary>
internal sealed class BackupIntake(
    NpgsqlDataSource dataSource,
    BackupValidator validator,
    BackupResourceWriter writer,
    BackupQueueSignal queue,
    TimeProvider time,
    ILogger<BackupIntake> logger)
{
    public async Task IntakeAsync(ClusterConnection cluster, Backup backup, CancellationToken cancellationToken)
    {
        var clusterRef = cluster.Identity ?? throw new InvalidOperationException($"cluster {cluster.Name} has not been reached");
        using var activity = SchedulerTelemetry.Source.StartActivity("backup intake", ActivityKind.Consumer);
        activity?.SetTag("velero.cluster", clusterRef.Name);
        activity?.SetTag("velero.backup.name", backup.Metadata.Name);
        activity?.SetTag("velero.backup.uid", backup.Metadata.Uid);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (await BackupClusterLock.AcquireAsync(connection, clusterRef.Id, cancellationToken))
        {
            var row = await BackupStore.RecordAsync(connection, clusterRef, backup, Activity.Current?.Id, time.GetUtcNow(),
                cancellationToken);
            if (row.Phase != BackupPhase.New)
            {
                // Recorded before, and the resource did not get what was decided (a restart between commit and write).
                await writer.WriteAsync(row, withDefaults: true, cancellationToken);
                return;
            }

            var context = await BackupValidationContextReader.ReadAsync(cluster.Client, backup, time, cancellationToken);
            var result = validator.Validate(backup, context);
            await RecordResultAsync(connection, row, result, cancellationToken);
            row = await BackupStore.ReadAsync(connection, null, row.Uid, cancellationToken) ?? row;
            await writer.WriteAsync(row, withDefaults: true, cancellationToken);
            logger.LogInformation("Backup {Cluster}/{Name} {Phase}{Errors}", clusterRef.Name, row.Name, row.Phase,
                result.IsValid ? "" : ": " + string.Join("; ", result.Errors));
        }

        queue.Poke();
    }

    private async Task RecordResultAsync(NpgsqlConnection connection, BackupRow row, BackupValidationResult result,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var defaults = Defaults(result.Backup).ToJsonString();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!result.IsValid)
        {
            if (await BackupStore.MarkFailedValidationAsync(connection, transaction, row.Uid, result.Errors, defaults,
                    result.Backup.Spec.StorageLocation, now, cancellationToken))
            {
                await OutboxWriter.EnqueueAsync(connection, transaction, new BackupFailed
                {
                    Backup = row.Ref,
                    Phase = BackupPhase.FailedValidation,
                    ValidationErrors = result.Errors,
                    FailedAt = now,
                }, now, cancellationToken);
            }
        }
        else
        {
            var expiration = result.Backup.Status?.Expiration is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : (DateTimeOffset?)null;
            await BackupStore.MarkQueuedAsync(connection, transaction, row.Uid, row.Cluster.Id, result.Backup.Spec, defaults,
                expiration, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>What validation filled in, as the merge patch written to the resource (upstream persists the same).</summary>
    internal static JsonObject Defaults(Backup validated)
    {
        var status = validated.Status ?? new BackupStatus();
        var defaults = new
        {
            metadata = new { labels = validated.Metadata.Labels, annotations = validated.Metadata.Annotations },
            spec = validated.Spec,
            status = new BackupStatus
            {
                Version = status.Version,
                FormatVersion = status.FormatVersion,
                Expiration = status.Expiration is { } at
                    ? new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc)
                    : null,
            },
        };
        return JsonNode.Parse(KubernetesJson.Serialize(defaults))!.AsObject();
    }
}
