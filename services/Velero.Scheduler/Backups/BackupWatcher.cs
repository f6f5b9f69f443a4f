using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Api.V1;
using Velero.Kubernetes.Clusters;
using Velero.Scheduler.Catalog;
using Velero.Scheduler.Flow;

namespace Velero.Scheduler.Backups;

/// <summary>Takes in new Backups of every cluster served, and marks deleted ones deleted in the catalog.</summary>
internal sealed class BackupWatcher(
    ClusterRegistry clusters,
    IOptions<VeleroNamespaceOptions> velero,
    IOptions<BackupOptions> options,
    BackupIntake intake,
    CatalogRecorder catalog,
    BackupQueueSignal queue,
    NpgsqlDataSource dataSource,
    TimeProvider time,
    ILogger<BackupWatcher> logger)
    : NewResourceWatcher<Backup>(clusters, velero.Value.Namespace, options.Value.ResyncInterval, time, logger)
{
    protected override string Noun => "backup";

    protected override bool IsNew(Backup resource) => resource.Status?.Phase is null or "" or BackupPhase.New;

    protected override Task IntakeAsync(ClusterConnection cluster, Backup resource, CancellationToken cancellationToken) =>
        intake.IntakeAsync(cluster, resource, cancellationToken);

    protected override Task ObserveAsync(ClusterConnection cluster, Backup resource, CancellationToken cancellationToken) =>
        catalog.ObserveAsync(cluster, resource, cancellationToken);

    protected override async Task MarkDeletedAsync(string uid, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await BackupStore.MarkDeletedAsync(dataSource, uid, at, cancellationToken);
        queue.Poke();
    }
}
