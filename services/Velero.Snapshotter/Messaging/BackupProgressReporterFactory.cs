using MassTransit;
using Microsoft.Extensions.Options;
using Velero.Contracts.Backups;

namespace Velero.Snapshotter.Messaging;

/// <summary>Starts a <see cref="BackupProgressReporter"/> for one delivery of a <see cref="CollectBackup"/>.</summary>
internal sealed class BackupProgressReporterFactory(IOptions<SnapshotterBackupOptions> options, TimeProvider time,
    ILogger<BackupProgressReporter> logger)
{
    public BackupProgressReporter Start(IPublishEndpoint publisher, BackupRef backup, int attempt) =>
        new(publisher, backup, attempt, options.Value.HeartbeatInterval, time, logger);
}
