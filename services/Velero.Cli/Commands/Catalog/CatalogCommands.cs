using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.Catalog;

/// <summary><c>velero catalog</c>: the platform's own noun, the PostgreSQL catalog of every backup of every cluster served.</summary>
internal static class CatalogCommands
{
    public static Command Create() => new Command("catalog", "Work with the catalog of backups across clusters")
    {
        Long = """
            Work with the catalog of backups across clusters.

            The catalog is the platform's PostgreSQL database: it lists every backup of every cluster served, with its
            phase, size, item counts and storage location, and keeps the history of backups deleted since. It is
            rebuilt from the clusters and their backup storage locations when it is lost.
            """,
    }.Add(CatalogBackupsCommand.Create(), CatalogRebuildCommand.Create());
}
