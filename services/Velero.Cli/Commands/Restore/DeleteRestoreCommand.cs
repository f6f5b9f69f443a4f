using Velero.Cli.CommandLine;
using Velero.Cli.Commands.Shared;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Commands.Restore;

/// <summary><c>velero restore delete [NAMES] [--all | -l] [--confirm]</c>: deletes the Restore resources, as upstream's CLI does.</summary>
internal static class DeleteRestoreCommand
{
    public static Command Create()
    {
        var command = new Command("delete [NAMES]", "Delete restores")
        {
            Example = """
                  # Delete a restore named "restore-1".
                  velero restore delete restore-1

                  # Delete a restore named "restore-1" without prompting for confirmation.
                  velero restore delete restore-1 --confirm

                  # Delete restores named "restore-1" and "restore-2".
                  velero restore delete restore-1 restore-2

                  # Delete all restores labeled with "foo=bar".
                  velero restore delete --selector foo=bar
                	
                  # Delete all restores.
                  velero restore delete --all
                """,
        };
        var selection = ResourceSelection.BindDelete(command, "restore");
        command.Run = async ctx =>
        {
            var selector = selection.Validate(ctx);
            if (!await selection.ConfirmAsync(ctx))
            {
                return 0;
            }

            var (restores, errors) = await ResourceSelection.ResolveAsync<Api.V1.Restore>(ctx, selector);

            // Upstream prints the lookup errors as a Go slice, then fails with them.
            if (errors.Count > 0)
            {
                await ctx.Out.WriteLineAsync($"errs:  [{string.Join(" ", errors)}]");
                throw ResourceSelection.Aggregate(errors)!;
            }

            if (restores.Count == 0)
            {
                await ctx.Out.WriteLineAsync("No restores found");
                return 0;
            }

            var client = new CustomResourceClient<Api.V1.Restore>(ctx.Kube());
            foreach (var restore in restores)
            {
                await client.DeleteAsync(ctx.Namespace, restore.Metadata.Name, ctx.CancellationToken);
                await ctx.Out.WriteAsync($"Request to delete restore \"{restore.Metadata.Name}\" submitted successfully.\nThe restore will be fully deleted after all associated data (restore files in object storage) are removed.\n");
            }

            return 0;
        };
        return command;
    }
}
