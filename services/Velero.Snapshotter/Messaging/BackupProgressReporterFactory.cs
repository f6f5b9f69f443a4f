using MassTransit;
using Microsoft.Extensions.Options;
using Velero.Contracts.Backups;
using Velero.ServiceDefaults.Messaging;
using Velero.Snapshotter.Collection;

namespace Velero.Snapshotter.Messaging;

/// <summary>
/// Starts the <see cref="BackupProgressed"/> reports of one delivery of a <see cref="CollectBackup"/>: at most one per
/// second while items move, one every <see cref="SnapshotterBackupOptions.HeartbeatInterval"/> while none do.
/// </summary>
internal sealed class BackupProgressReporterFactory(IOptions<SnapshotterBackupOptions> options, TimeProvider time,
    ILogger<BackupProgressReporterFactory> logger)
{
    public ProgressPublisher<CollectionProgress> Start(IPublishEndpoint publisher, BackupRef backup, int attempt) =>
        new((progress, cancellationToken) => publisher.Publish(new BackupProgressed
            {
                Backup = backup,
                Attempt = attempt,
                TotalItems = progress.TotalItems,
                ItemsBackedUp = progress.ItemsBackedUp,
                At = time.GetUtcNow(),
            }, cancellationToken),
            new CollectionProgress(0, 0), options.Value.HeartbeatInterval, time, logger, $"backup {backup.Namespace}/{backup.Name}");
}
