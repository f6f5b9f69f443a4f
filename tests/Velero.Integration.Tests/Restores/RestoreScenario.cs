using k8s.Models;
using Velero.Api;
using Velero.Api.V1;
using Velero.Integration.Tests.Backups;
using Velero.Kubernetes.Resources;

namespace Velero.Integration.Tests.Restores;

/// <summary>
/// Restores on the cluster of a <see cref="BackupCluster"/> (dev-a, a scheduler on its own database, the default
/// location): Backups to restore from, Restores, and their record and history in PostgreSQL.
/// </summary>
internal sealed class RestoreScenario(BackupCluster cluster)
{
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromSeconds(40);

    public CustomResourceClient<Restore> Restores { get; } = new(cluster.Client);

    /// <summary>A Backup as a finished one looks (the scheduler leaves a backup that is not New alone).</summary>
    public async Task<Backup> CreateBackupAsync(string name, string phase, string? schedule = null, DateTime? startedAt = null)
    {
        var backup = await cluster.Backups.CreateAsync(new Backup
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = BackupCluster.Namespace,
                Labels = schedule is null ? null : new Dictionary<string, string> { [WellKnown.ScheduleNameLabel] = schedule },
            },
            Spec = new BackupSpec { StorageLocation = "default" },
            Status = new BackupStatus { Phase = phase, StartTimestamp = startedAt ?? DateTime.UtcNow.AddMinutes(-10) },
        });
        return backup;
    }

    public async Task<Restore> CreateRestoreAsync(string name, Action<RestoreSpec> spec)
    {
        var restore = new Restore { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = BackupCluster.Namespace } };
        spec(restore.Spec);
        return await Restores.CreateAsync(restore);
    }

    public async Task<Restore> WaitForPhaseAsync(string name, string phase)
    {
        var deadline = DateTime.UtcNow + PhaseTimeout;
        while (true)
        {
            var restore = await Restores.GetAsync(BackupCluster.Namespace, name);
            if (restore?.Status?.Phase == phase)
            {
                return restore;
            }

            Assert.True(DateTime.UtcNow < deadline,
                $"restore {name} did not become {phase}: {restore?.Status?.Phase}\n{cluster.Scheduler.Output}");
            await Task.Delay(200);
        }
    }

    /// <summary>The restore's phases as its history in PostgreSQL lists them.</summary>
    public async Task<string> HistoryAsync(string uid) =>
        await cluster.Database.ScalarAsync<string>(
            $"select string_agg(phase, ',' order by id) from restore_phase_history where restore_uid = '{uid}'") ?? "";

    public async Task<T?> ColumnAsync<T>(string uid, string column) =>
        await cluster.Database.ScalarAsync<T>($"select {column} from restores where uid = '{uid}'");
}
