using Velero.Api;
using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Cli.Commands.Shared;
using Velero.Cli.Resources;

namespace Velero.Cli.Commands.BackupLocation;

/// <summary>
/// <c>velero backup-location delete [NAMES] [--all | -l SELECTOR] [--confirm]</c>. As upstream, each deleted location
/// takes with it the Backup and BackupRepository resources labelled with it (the data in object storage stays).
/// </summary>
internal static class DeleteBackupLocationCommand
{
    public static Command Create()
    {
        var command = new Command("delete [NAMES]", "Delete backup storage locations")
        {
            Example = """
                  # Delete a backup storage location named "backup-location-1".
                  velero backup-location delete backup-location-1

                  # Delete a backup storage location named "backup-location-1" without prompting for confirmation.
                  velero backup-location delete backup-location-1 --confirm

                  # Delete backup storage locations named "backup-location-1" and "backup-location-2".
                  velero backup-location delete backup-location-1 backup-location-2

                  # Delete all backup storage locations labeled with "foo=bar".
                  velero backup-location delete --selector foo=bar

                  # Delete all backup storage locations.
                  velero backup-location delete --all
                """,
        };
        var selection = ResourceSelection.BindDelete(command, "backup-location");
        command.Run = async ctx =>
        {
            var selector = selection.Validate(ctx);
            if (!await selection.ConfirmAsync(ctx))
            {
                return 0;
            }

            var (locations, errors) = await ResourceSelection.ResolveAsync<BackupStorageLocation>(ctx, selector);
            var set = new ResourceSet<BackupStorageLocation>(ctx);
            if (locations.Count == 0 && errors.Count == 0)
            {
                await ctx.Out.WriteLineAsync("No backup-locations found");
                return 0;
            }

            foreach (var location in locations)
            {
                var name = location.Metadata.Name;
                await set.Client.DeleteAsync(ctx.Namespace, name, ctx.CancellationToken);
                await ctx.Out.WriteLineAsync($"Backup storage location \"{name}\" deleted successfully.");
                var selectorText = $"{WellKnown.StorageLocationLabel}={name}";
                var backups = new ResourceSet<Api.V1.Backup>(ctx);
                foreach (var backup in await backups.ListAsync(selectorText))
                {
                    await backups.Client.DeleteAsync(ctx.Namespace, backup.Metadata.Name, ctx.CancellationToken);
                    await ctx.Out.WriteLineAsync($"Backup associated with deleted BSL(s) \"{backup.Metadata.Name}\" deleted successfully.");
                }

                var repositories = new ResourceSet<BackupRepository>(ctx);
                foreach (var repository in await repositories.ListAsync(selectorText))
                {
                    await repositories.Client.DeleteAsync(ctx.Namespace, repository.Metadata.Name, ctx.CancellationToken);
                    await ctx.Out.WriteLineAsync($"Backup repository associated with deleted BSL(s) \"{repository.Metadata.Name}\" deleted successfully.");
                }
            }

            return ResourceSelection.Aggregate(errors) is { } failure ? throw failure : 0;
        };
        return command;
    }
}
