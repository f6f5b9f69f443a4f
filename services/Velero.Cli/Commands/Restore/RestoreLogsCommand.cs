using k8s.Autorest;
using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Cli.Downloads;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Commands.Restore;

/// <summary>
/// <c>velero restore logs RESTORE</c>: the restore's log, gunzipped to stdout, once it has finished. Its refusals are
/// upstream's <c>cmd.Exit</c> lines: the message alone on stderr, exit code 1.
/// </summary>
internal static class RestoreLogsCommand
{
    private static readonly string[] Finished =
    [
        RestorePhase.Completed, RestorePhase.Failed, RestorePhase.PartiallyFailed, RestorePhase.WaitingForPluginOperations,
        RestorePhase.WaitingForPluginOperationsPartiallyFailed,
    ];

    public static Command Create()
    {
        var command = new Command("logs RESTORE", "Get restore logs") { Args = ArgsRule.Exactly(1) };
        var flags = DownloadFlags.Bind(command, DownloadFlags.LogsTimeoutUsage, DownloadFlags.CaCertWithLocationUsage);
        command.Run = async ctx =>
        {
            var name = ctx.Args[0];
            Api.V1.Restore? restore;
            try
            {
                restore = await new CustomResourceClient<Api.V1.Restore>(ctx.Kube()).GetAsync(ctx.Namespace, name, ctx.CancellationToken);
            }
            catch (HttpOperationException e)
            {
                return await ExitAsync(ctx, $"Error checking for restore \"{name}\": {CliApp.Describe(e)}");
            }

            if (restore is null)
            {
                return await ExitAsync(ctx, $"Restore \"{name}\" does not exist.");
            }

            if (!Finished.Contains(restore.Status?.Phase))
            {
                return await ExitAsync(ctx, $"Logs for restore \"{name}\" are not available until it's finished processing. "
                    + "Please wait until the restore has a phase of Completed or Failed and try again.");
            }

            var caCert = await DownloadFlags.LocationCaCertAsync(ctx,
                kube => StorageLocationCaCert.ForRestoreAsync(kube, ctx.Namespace, restore, ctx.CancellationToken));
            try
            {
                await DownloadFlags.Streamer(ctx).StreamTextAsync(ctx.Namespace, name, DownloadTargetKind.RestoreLog, ctx.Out,
                    flags.Settings(ctx, caCert), ctx.CancellationToken);
            }
            catch (DownloadFailedException e)
            {
                throw new CliException(e.Message, e);
            }

            return 0;
        };
        return command;
    }

    private static async Task<int> ExitAsync(CommandContext ctx, string message)
    {
        await ctx.Err.WriteLineAsync(message);
        return 1;
    }
}
