using Velero.Cli.CommandLine;
using Velero.Cli.Output;
using Velero.Cli.Printers;
using Velero.Scheduler.Catalog;

namespace Velero.Cli.Commands.Catalog;

/// <summary>
/// <c>velero catalog backups [--cluster NAME] [--storage-location L] [--phase P] [-o table|json|yaml]</c>: every backup
/// of every cluster served, from the catalog.
/// </summary>
internal static class CatalogBackupsCommand
{
    public static Command Create()
    {
        var command = new Command("backups", "List the backups of every cluster")
        {
            Long = """
                List the backups of every cluster the platform serves, from its catalog: phase, size, items backed up,
                storage location, creation, expiry, and where each record came from (scheduler, sync, cluster, storage).
                """,
            Example = """
                  velero catalog backups --database-url postgres://velero@db:5432/velero
                  velero catalog backups --cluster dev-b --phase Completed -o json
                """,
        };
        var database = CatalogDatabase.Bind(command);
        var cluster = command.Flags.String("cluster", null, "", "Only the backups of this cluster (its kubeconfig context name)");
        var location = command.Flags.String("storage-location", null, "", "Only the backups in this storage location");
        var phase = command.Flags.String("phase", null, "", "Only the backups in this phase (Completed, PartiallyFailed, Failed, ...)");
        var deleted = command.Flags.Bool("include-deleted", null, false, "Also list backups whose resource was deleted from its cluster");
        var output = OutputFlags.BindSimple(command);
        command.Run = async ctx =>
        {
            var format = output.Format;
            var builder = CatalogDatabase.Resolve(database, ctx.Env);
            await using var dataSource = await CatalogDatabase.OpenAsync(builder, ctx.CancellationToken);
            var filter = new CatalogFilter
            {
                Cluster = NullIfEmpty(cluster.Value),
                StorageLocation = NullIfEmpty(location.Value),
                Phase = NullIfEmpty(phase.Value),
                IncludeDeleted = deleted.Value,
            };
            IReadOnlyList<CatalogBackup> backups;
            try
            {
                backups = await CatalogQuery.ListBackupsAsync(dataSource, filter, ctx.CancellationToken);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == "42P01")
            {
                throw new CliException($"the database {CatalogDatabase.Describe(builder)} holds no catalog: run velero catalog rebuild");
            }

            await ctx.Out.WriteAsync(format == OutputFormat.Table
                ? CatalogBackupTable.Render(backups, ctx.Time.GetUtcNow(), ctx.Env.TimeZone)
                : CatalogBackupTable.Encode(backups, format));
            return 0;
        };
        return command;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
