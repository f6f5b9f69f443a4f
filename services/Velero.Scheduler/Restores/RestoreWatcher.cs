using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Api.V1;
using Velero.Kubernetes.Clusters;
using Velero.Scheduler.Flow;

namespace Velero.Scheduler.Restores;

/// <summary>Takes in new Restores of every cluster served, and marks deleted ones deleted in the catalog.</summary>
internal sealed class RestoreWatcher(
    ClusterRegistry clusters,
    IOptions<VeleroNamespaceOptions> velero,
    IOptions<RestoreOptions> options,
    RestoreIntake intake,
    RestoreQueueSignal queue,
    NpgsqlDataSource dataSource,
    TimeProvider time,
    ILogger<RestoreWatcher> logger)
    : NewResourceWatcher<Restore>(clusters, velero.Value.Namespace, options.Value.ResyncInterval, time, logger)
{
    protected override string Noun => "restore";

    protected override bool IsNew(Restore resource) => resource.Status?.Phase is null or "" or RestorePhase.New;

    protected override Task IntakeAsync(ClusterConnection cluster, Restore resource, CancellationToken cancellationToken) =>
        intake.IntakeAsync(cluster, resource, cancellationToken);

    protected override async Task MarkDeletedAsync(string uid, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await RestoreStore.MarkDeletedAsync(dataSource, uid, at, cancellationToken);
        queue.Poke();
    }
}
