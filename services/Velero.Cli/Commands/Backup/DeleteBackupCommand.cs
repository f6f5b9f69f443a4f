using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Cli.Commands.Shared;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Commands.Backup;

/// <summary>
/// <c>velero backup delete [NAMES] [--all | -l] [--confirm]</c>: a DeleteBackupRequest per backup, as upstream's CLI
/// creates them; the server does the deleting.
/// </summary>
internal static class DeleteBackupCommand
{
    public static Command Create()
    {
        var command = new Command("delete [NAMES]", "Delete backups")
        {
            Example = """
                  # Delete a backup named "backup-1".
                  velero backup delete backup-1

                  # Delete a backup named "backup-1" without prompting for confirmation.
                  velero backup delete backup-1 --confirm

                  # Delete backups named "backup-1" and "backup-2".
                  velero backup delete backup-1 backup-2

                  # Delete all backups triggered by schedule "schedule-1".
                  velero backup delete --selector velero.io/schedule-name=schedule-1
                 
                  # Delete all backups.
                  velero backup delete --all
                """,
        };
        var selection = ResourceSelection.BindDelete(command, "backup");
        command.Run = async ctx =>
        {
            var selector = selection.Validate(ctx);
            if (!await selection.ConfirmAsync(ctx))
            {
                return 0;
            }

            var (backups, errors) = await ResourceSelection.ResolveAsync<Api.V1.Backup>(ctx, selector);

            // As upstream: with nothing to delete, the lookups' errors are not reported.
            if (backups.Count == 0)
            {
                await ctx.Out.WriteLineAsync("No backups found");
                return 0;
            }

            var requests = new CustomResourceClient<DeleteBackupRequest>(ctx.Kube());
            foreach (var backup in backups)
            {
                var name = backup.Metadata.Name;
                await requests.CreateAsync(DeleteBackupRequests.For(ctx.Namespace, name, backup.Metadata.Uid), ctx.CancellationToken);
                await ctx.Out.WriteAsync($"Request to delete backup \"{name}\" submitted successfully.\nThe backup will be fully deleted after all associated data (disk snapshots, backup files, restores) are removed.\n");
            }

            return ResourceSelection.Aggregate(errors) is { } failure ? throw failure : 0;
        };
        return command;
    }
}
