using k8s.Autorest;
using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Cli.Downloads;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Commands.Backup;

/// <summary>
/// <c>velero backup logs BACKUP</c>: the backup's log, gunzipped to stdout, once the backup has finished (upstream's
/// phases: Completed, PartiallyFailed, Failed and the two WaitingForPluginOperations ones).
/// </summary>
internal static class BackupLogsCommand
{
    private static readonly string[] Finished =
    [
        BackupPhase.Completed, BackupPhase.PartiallyFailed, BackupPhase.Failed, BackupPhase.WaitingForPluginOperations,
        BackupPhase.WaitingForPluginOperationsPartiallyFailed,
    ];

    public static Command Create()
    {
        var command = new Command("logs BACKUP", "Get backup logs") { Args = ArgsRule.Exactly(1) };
        var flags = DownloadFlags.Bind(command, DownloadFlags.LogsTimeoutUsage, DownloadFlags.CaCertUsage);
        command.Run = async ctx =>
        {
            var name = ctx.Args[0];
            Api.V1.Backup? backup;
            try
            {
                backup = await new CustomResourceClient<Api.V1.Backup>(ctx.Kube()).GetAsync(ctx.Namespace, name, ctx.CancellationToken);
            }
            catch (HttpOperationException e)
            {
                throw new CliException($"error checking for backup \"{name}\": {CliApp.Describe(e)}", e);
            }

            if (backup is null)
            {
                throw new CliException($"backup \"{name}\" does not exist");
            }

            if (!Finished.Contains(backup.Status?.Phase))
            {
                throw new CliException($"logs for backup \"{name}\" are not available until it's finished processing, please wait "
                    + "until the backup has a phase of Completed or Failed and try again");
            }

            var caCert = await DownloadFlags.LocationCaCertAsync(ctx,
                kube => StorageLocationCaCert.ForBackupAsync(kube, ctx.Namespace, backup, ctx.CancellationToken));
            try
            {
                await DownloadFlags.Streamer(ctx).StreamTextAsync(ctx.Namespace, name, DownloadTargetKind.BackupLog, ctx.Out,
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
}
