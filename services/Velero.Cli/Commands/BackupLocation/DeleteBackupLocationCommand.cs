using Velero.Api;
using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Cli.Resources;
using Velero.Cli.Selectors;

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
        var confirm = command.Flags.Bool("confirm", null, false, "Confirm deletion");
        var all = command.Flags.Bool("all", null, false, "Delete all backup-locations");
        var selector = command.Flags.String("selector", "l", "", "Delete all backup-locations matching this label selector.");
        command.Run = async ctx =>
        {
            if ((ctx.Args.Count > 0 ? 1 : 0) + (all.Value ? 1 : 0) + (selector.Value.Length > 0 ? 1 : 0) != 1)
            {
                throw new CliException("you must specify exactly one of: specific backup-location name(s), the --all flag, or the --selector flag");
            }

            var canonical = LabelSelectorParser.Canonical(selector.Value);
            if (!confirm.Value && !await Confirmation.AskAsync(ctx))
            {
                return 0;
            }

            var set = new ResourceSet<BackupStorageLocation>(ctx);
            var errors = new List<string>();
            var locations = new List<BackupStorageLocation>();
            if (ctx.Args.Count > 0)
            {
                foreach (var name in ctx.Args)
                {
                    if (await set.Client.GetAsync(ctx.Namespace, name, ctx.CancellationToken) is { } location)
                    {
                        locations.Add(location);
                    }
                    else
                    {
                        errors.Add(set.NotFound(name));
                    }
                }
            }
            else
            {
                locations.AddRange(await set.ListAsync(canonical));
            }

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

            return errors.Count switch
            {
                0 => 0,
                1 => throw new CliException(errors[0]),
                _ => throw new CliException($"[{string.Join(", ", errors)}]"),
            };
        };
        return command;
    }
}
