using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;
using Velero.Api.V1;
using Velero.Contracts.Restores;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Locations;
using Velero.Kubernetes.Resources;
using Velero.ObjectStorage;
using Velero.Restorer.Engine;
using Velero.ServiceDefaults.Messaging;

namespace Velero.Restorer.Messaging;

/// <summary>
/// Runs one restore the scheduler dispatched: reads the Restore, its Backup and the backup's location from the cluster,
/// has the engine apply the backup, and reports progress, completion or failure as events. It never writes the Restore
/// resource: the scheduler owns its state.
/// </summary>
/// <remarks>
/// A command for a restore that ended, was deleted or replaced by a namesake is dropped. A redelivery after the restore's
/// results were written (the report was lost, or the restorer died just after) reports from those files and restores
/// nothing again.
/// </remarks>
internal sealed class RunRestoreConsumer(
    ClusterRegistry clusters,
    ObjectStoreFactory stores,
    IRestoreRunner engine,
    IOptions<RestorerRestoreOptions> options,
    TimeProvider time,
    ILogger<RunRestoreConsumer> logger) : IConsumer<RunRestore>
{
    public async Task Consume(ConsumeContext<RunRestore> context)
    {
        var command = context.Message;
        var target = command.Restore;
        using var activity = RestorerTelemetry.Source.StartActivity("run restore");
        activity?.SetTag("velero.restore", $"{target.Namespace}/{target.Name}");
        activity?.SetTag("velero.cluster", target.Cluster.Name);

        var cluster = CommandClusters.Connect(clusters, target.Cluster, "restorer");
        var restore = await new CustomResourceClient<Restore>(cluster.Client).GetAsync(target.Namespace, target.Name, context.CancellationToken);
        // The scheduler's database is the authority: this command follows its move to InProgress, and the resource's
        // mirror of that phase may not have landed yet (it can still read New). Only a restore that is gone, replaced
        // by a namesake, or ended (the scheduler gave up on it) drops the command.
        if (restore?.Metadata.Uid != target.Uid || restore.Status?.Phase is not (null or RestorePhase.New or RestorePhase.InProgress))
        {
            logger.LogInformation("Restore {Namespace}/{Name} is no longer waiting to run (phase {Phase}); dropping the command",
                target.Namespace, target.Name, restore?.Metadata.Uid == target.Uid ? restore.Status?.Phase : "gone");
            return;
        }

        var backup = await new CustomResourceClient<Backup>(cluster.Client).GetAsync(target.Namespace, command.BackupName, context.CancellationToken);
        if (backup is null)
        {
            await PublishFailedAsync(context, $"error getting backup: backups.velero.io \"{command.BackupName}\" not found");
            return;
        }

        var (opened, error) = await StorageLocationOpener.OpenAsync(cluster.Client, stores, target.Namespace, command.StorageLocation,
            context.CancellationToken);
        using var location = opened;
        if (location is null)
        {
            await PublishFailedAsync(context, error!);
            return;
        }

        var startedAt = restore.Status?.StartTimestamp is { } started ? new DateTimeOffset(started, TimeSpan.Zero) : time.GetUtcNow();
        if (await StoredRestoreOutcome.ReadAsync(location, target.Name, time.GetUtcNow(), context.CancellationToken) is { } stored)
        {
            logger.LogInformation("Restore {Namespace}/{Name} already ran to its end; reporting its stored result", target.Namespace, target.Name);
            await PublishOutcomeAsync(context, stored, startedAt);
            return;
        }

        var client = cluster.Client as k8s.Kubernetes
                     ?? throw new InvalidOperationException($"cluster {cluster.Name} has no HTTP client the engine can use");
        RestoreOutcome outcome;
        await using (var progress = new ProgressPublisher<RestoreEngineProgress>(
                         (p, ct) => context.Publish(new RestoreProgressed
                         {
                             Restore = target,
                             Attempt = command.Attempt,
                             TotalItems = p.TotalItems,
                             ItemsRestored = p.ItemsRestored,
                             At = time.GetUtcNow(),
                         }, ct),
                         new RestoreEngineProgress(0, 0), options.Value.HeartbeatInterval, time, logger,
                         $"restore {target.Namespace}/{target.Name}"))
        {
            outcome = await engine.RestoreAsync(new RestoreRequest
            {
                Client = client,
                Restore = restore,
                Backup = backup,
                Location = location,
                StartedAt = startedAt,
            }, progress, context.CancellationToken);
        }

        logger.LogInformation("Restore {Namespace}/{Name} {Phase}: {Restored}/{Total} items, {Warnings} warnings, {Errors} errors",
            target.Namespace, target.Name, outcome.Phase, outcome.ItemsRestored, outcome.TotalItems, outcome.Warnings, outcome.Errors);
        if (outcome.Phase == RestorePhase.Failed)
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome.FailureReason);
        }

        await PublishOutcomeAsync(context, outcome, startedAt);
    }

    private static Task PublishOutcomeAsync(ConsumeContext<RunRestore> context, RestoreOutcome outcome, DateTimeOffset startedAt) =>
        outcome.Phase is RestorePhase.Completed or RestorePhase.PartiallyFailed
            ? context.Publish(new RestoreCompleted
            {
                Restore = context.Message.Restore,
                Attempt = context.Message.Attempt,
                Phase = outcome.Phase,
                StartedAt = startedAt,
                CompletedAt = outcome.CompletedAt,
                TotalItems = outcome.TotalItems,
                ItemsRestored = outcome.ItemsRestored,
                Warnings = outcome.Warnings,
                Errors = outcome.Errors,
                HooksAttempted = outcome.HooksAttempted,
                HooksFailed = outcome.HooksFailed,
            })
            : context.Publish(new RestoreFailed
            {
                Restore = context.Message.Restore,
                Phase = RestorePhase.Failed,
                FailureReason = outcome.FailureReason ?? "restore failed",
                Attempt = context.Message.Attempt,
                ItemsRestored = outcome.ItemsRestored,
                Warnings = outcome.Warnings,
                Errors = outcome.Errors,
                FailedAt = outcome.CompletedAt,
            });

    private Task PublishFailedAsync(ConsumeContext<RunRestore> context, string reason) =>
        context.Publish(new RestoreFailed
        {
            Restore = context.Message.Restore,
            Phase = RestorePhase.Failed,
            FailureReason = reason,
            Attempt = context.Message.Attempt,
            FailedAt = time.GetUtcNow(),
        });
}
