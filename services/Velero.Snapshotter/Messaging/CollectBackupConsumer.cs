using System.Diagnostics;
using k8s;
using MassTransit;
using Velero.Api.V1;
using Velero.BackupFormat.Layout;
using Velero.Contracts.Backups;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Locations;
using Velero.Kubernetes.Resources;
using Velero.ObjectStorage;
using Velero.ObjectStorage.Locations;
using Velero.ServiceDefaults.Messaging;
using Velero.Snapshotter.Collection;

namespace Velero.Snapshotter.Messaging;

/// <summary>
/// Collects one backup the scheduler dispatched: reads the Backup and its location from the cluster, streams the
/// backup into object storage, and reports progress, completion or failure as events. It never writes the Backup
/// resource: the scheduler owns its state.
/// </summary>
/// <remarks>
/// A redelivered command (a snapshotter died mid-backup, or the broker redelivered) starts the collection again from
/// the beginning: <c>velero-backup.json</c> is written last, so an unfinished earlier run left no backup the location
/// lists, and the tarball key is simply written again. When <c>velero-backup.json</c> is already there for this uid
/// the backup finished before the redelivery: its stored status is reported again and nothing is written.
/// </remarks>
internal sealed class CollectBackupConsumer(
    ClusterRegistry clusters,
    ObjectStoreFactory stores,
    BackupCollector collector,
    BackupProgressReporterFactory reporters,
    TimeProvider time,
    ILogger<CollectBackupConsumer> logger) : IConsumer<CollectBackup>
{
    public async Task Consume(ConsumeContext<CollectBackup> context)
    {
        var command = context.Message;
        var target = command.Backup;
        using var activity = SnapshotterTelemetry.Source.StartActivity("collect backup");
        activity?.SetTag("velero.backup", $"{target.Namespace}/{target.Name}");
        activity?.SetTag("velero.cluster", target.Cluster.Name);

        var cluster = CommandClusters.Connect(clusters, target.Cluster, "snapshotter");

        var backup = await new CustomResourceClient<Backup>(cluster.Client).GetAsync(target.Namespace, target.Name, context.CancellationToken);
        // The scheduler's database is the authority: this command follows its move to InProgress, and the resource's
        // mirror of that phase may not have landed yet (it can still read Queued). Only a backup that is gone,
        // replaced by a namesake, or ended (the scheduler gave up on it) drops the command.
        if (backup?.Metadata.Uid != target.Uid || !StillToCollect(backup.Status?.Phase))
        {
            logger.LogInformation("Backup {Namespace}/{Name} is no longer waiting to be collected (phase {Phase}); dropping the command",
                target.Namespace, target.Name, backup?.Metadata.Uid == target.Uid ? backup.Status?.Phase : "gone");
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

        if (await location.ExistsAsync(BackupLayout.BackupMetadata(target.Name), context.CancellationToken))
        {
            await ReportStoredAsync(context, location);
            return;
        }

        var startedAt = backup.Status?.StartTimestamp is { } started ? new DateTimeOffset(started, TimeSpan.Zero) : time.GetUtcNow();
        await using var reporter = reporters.Start(context, target, command.Attempt);
        try
        {
            var result = await collector.CollectAsync(new CollectionRequest
            {
                Client = cluster.Client,
                Backup = backup,
                Location = location,
                StartedAt = startedAt,
            }, reporter, context.CancellationToken);
            await reporter.StopAsync();
            logger.LogInformation("Backup {Namespace}/{Name} {Phase}: {Items} items, {Bytes} bytes, {Warnings} warnings, {Errors} errors",
                target.Namespace, target.Name, result.Phase, result.ItemsBackedUp, result.TarballBytes, result.Warnings, result.Errors);
            await context.Publish(new BackupCompleted
            {
                Backup = target,
                Attempt = command.Attempt,
                Phase = result.Phase,
                StartedAt = startedAt,
                CompletedAt = result.CompletedAt,
                TotalItems = result.TotalItems,
                ItemsBackedUp = result.ItemsBackedUp,
                Warnings = result.Warnings,
                Errors = result.Errors,
                HooksAttempted = result.HooksAttempted,
                HooksFailed = result.HooksFailed,
                TarballBytes = result.TarballBytes,
            });
        }
        catch (BackupCollectionException e)
        {
            await reporter.StopAsync();
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            logger.LogWarning("Backup {Namespace}/{Name} failed: {Reason}", target.Namespace, target.Name, e.Message);
            await PublishFailedAsync(context, e.Message);
        }
    }

    /// <summary>The backup was finished by an earlier delivery, or the name is taken by a backup in storage.</summary>
    private async Task ReportStoredAsync(ConsumeContext<CollectBackup> context, ObjectStoreLocation location)
    {
        var command = context.Message;
        Backup? stored;
        await using (var body = await location.GetAsync(BackupLayout.BackupMetadata(command.Backup.Name),
                         context.CancellationToken))
        {
            using var reader = new StreamReader(body);
            stored = KubernetesJson.Deserialize<Backup>(await reader.ReadToEndAsync(context.CancellationToken));
        }

        if (stored?.Metadata?.Uid != command.Backup.Uid || stored.Status is not { Phase: BackupPhase.Completed or BackupPhase.PartiallyFailed } status)
        {
            await PublishFailedAsync(context, "backup already exists in object storage");
            return;
        }

        await context.Publish(new BackupCompleted
        {
            Backup = command.Backup,
            Attempt = command.Attempt,
            Phase = status.Phase,
            StartedAt = new DateTimeOffset(status.StartTimestamp ?? default, TimeSpan.Zero),
            CompletedAt = new DateTimeOffset(status.CompletionTimestamp ?? default, TimeSpan.Zero),
            TotalItems = status.Progress?.TotalItems ?? 0,
            ItemsBackedUp = status.Progress?.ItemsBackedUp ?? 0,
            Warnings = status.Warnings ?? 0,
            Errors = status.Errors ?? 0,
            HooksAttempted = status.HookStatus?.HooksAttempted ?? 0,
            HooksFailed = status.HookStatus?.HooksFailed ?? 0,
            TarballBytes = 0,
        });
    }

    private Task PublishFailedAsync(ConsumeContext<CollectBackup> context, string reason) =>
        context.Publish(new BackupFailed
        {
            Backup = context.Message.Backup,
            Phase = BackupPhase.Failed,
            FailureReason = reason,
            Attempt = context.Message.Attempt,
            FailedAt = time.GetUtcNow(),
        });

    private static bool StillToCollect(string? phase) =>
        phase is null or BackupPhase.New or BackupPhase.Queued or BackupPhase.ReadyToStart or BackupPhase.InProgress;
}
