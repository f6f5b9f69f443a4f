using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Velero.Cli.CommandLine;
using Velero.Kubernetes.Clusters;
using Velero.ObjectStorage;
using Velero.Scheduler.Catalog;

namespace Velero.Cli.Commands.Catalog;

/// <summary>
/// <c>velero catalog rebuild --database-url URL [--kubeconfig PATH] [--contexts a,b]</c>: the catalog brought back from
/// the clusters and their storage locations (see <see cref="CatalogRebuild"/>); nothing in a cluster or a location changes.
/// </summary>
internal static class CatalogRebuildCommand
{
    public static Command Create()
    {
        var command = new Command("rebuild", "Rebuild the catalog from the clusters and their storage locations")
        {
            Long = """
                Rebuild the catalog from the clusters and their backup storage locations.

                The database's schema is brought up to date, then every Backup and Restore of each cluster is recorded,
                and every backup a cluster's storage locations hold that is not a Backup there. Nothing in a cluster or
                a storage location is changed, and a record that exists is never overwritten: the command is safe to run
                against the live database, and to run again. Backups still waiting to start are left to the scheduler,
                which takes them in when it sees them.
                """,
            Example = """
                  velero catalog rebuild --database-url postgres://velero@db:5432/velero --kubeconfig ~/.kube/config --contexts dev-a,dev-b
                """,
        };
        var database = CatalogDatabase.Bind(command);
        var contexts = command.Flags.StringSlice("contexts", null,
            "The kubeconfig contexts of the clusters to record (comma separated); defaults to --kubecontext, else the current context");
        command.Run = async ctx =>
        {
            var builder = CatalogDatabase.Resolve(database, ctx.Env);
            var names = contexts.Value.Count > 0 ? contexts.Value
                : ctx.Kubeconfig.Context.Length > 0 ? [ctx.Kubeconfig.Context]
                : [];
            var clusters = new ClusterRegistry(Options.Create(new ClusterOptions
            {
                Kubeconfig = KubeconfigPath(ctx),
                Contexts = [.. names],
            }), ctx.Time, NullLogger<ClusterRegistry>.Instance);
            await clusters.RefreshAsync(ctx.CancellationToken);

            await using var dataSource = await CatalogDatabase.OpenAsync(builder, ctx.CancellationToken);
            var rebuild = new CatalogRebuild(dataSource, new ObjectStoreFactory(ctx.Time), ctx.Time);
            await rebuild.MigrateAsync(ctx.CancellationToken);
            var result = new CatalogRebuildResult();
            foreach (var cluster in clusters.Clusters)
            {
                if (cluster.State != ClusterState.Available)
                {
                    result.Problems.Add($"cluster {cluster.Name}: {cluster.Message}");
                    continue;
                }

                await rebuild.RecordClusterAsync(cluster, ctx.Namespace, result, ctx.CancellationToken);
                await ctx.Out.WriteLineAsync($"Cluster {cluster.Name}: recorded");
            }

            await ctx.Out.WriteLineAsync(
                $"Catalog rebuilt in {CatalogDatabase.Describe(builder)}: {result.BackupsRecorded} backups and {result.RestoresRecorded} restores recorded from clusters, "
                + $"{result.StoredBackupsRecorded} backups found only in storage, {result.BackupsKnown} already known, "
                + $"{result.BackupsLeftToScheduler} not started yet (left to the scheduler).");
            foreach (var problem in result.Problems)
            {
                await ctx.Err.WriteLineAsync($"Not recorded: {problem}");
            }

            return result.Problems.Count == 0 ? 0 : 1;
        };
        return command;
    }

    // The CLI's precedence for the kubeconfig: --kubeconfig, then $KUBECONFIG, then ~/.kube/config.
    private static string KubeconfigPath(CommandContext ctx)
    {
        var path = ctx.Kubeconfig.Kubeconfig.Length > 0 ? ctx.Kubeconfig.Kubeconfig : ctx.Env.Variable("KUBECONFIG")?.Split(':')[0];
        path = string.IsNullOrEmpty(path) ? Path.Combine(ctx.Env.HomeDirectory, ".kube", "config") : ctx.ResolvePath(path);
        return File.Exists(path)
            ? path
            : throw new CliException($"invalid configuration: no configuration has been provided, try setting KUBECONFIG (kubeconfig {path} does not exist)");
    }
}
