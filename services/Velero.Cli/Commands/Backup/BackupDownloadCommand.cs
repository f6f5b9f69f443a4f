using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Cli.Downloads;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Commands.Backup;

/// <summary>
/// <c>velero backup download NAME [-o FILE] [--force]</c>: the backup's tarball, written as stored (still gzip), to
/// <c>&lt;NAME&gt;-data.tar.gz</c> in the working directory by default. An existing file is kept unless <c>--force</c>;
/// a failed download removes the file, as upstream.
/// </summary>
internal static class BackupDownloadCommand
{
    public static Command Create()
    {
        var command = new Command("download NAME", "Download all Kubernetes manifests for a backup")
        {
            Long = "Download all Kubernetes manifests for a backup. Contents of persistent volume snapshots are not included.",
            Args = ArgsRule.Exactly(1),
        };
        var output = command.Flags.String("output", "o", "", "Path to output file. Defaults to <NAME>-data.tar.gz in the current directory.");
        var force = command.Flags.Bool("force", null, false, "Forces the download and will overwrite file if it exists already.");
        var flags = DownloadFlags.Bind(command, "Maximum time to wait to process download request.", DownloadFlags.CaCertWithLocationUsage);
        command.Run = async ctx =>
        {
            var name = ctx.Args[0];
            // Upstream prints the path as typed, or the absolute default.
            var shown = output.Value.Length > 0 ? output.Value : Path.Combine(ctx.Env.WorkingDirectory, $"{name}-data.tar.gz");
            var path = ctx.ResolvePath(shown);
            var backup = await new CustomResourceClient<Api.V1.Backup>(ctx.Kube()).GetAsync(ctx.Namespace, name, ctx.CancellationToken)
                ?? throw new CliException($"backups.velero.io \"{name}\" not found");
            var caCert = await DownloadFlags.LocationCaCertAsync(ctx,
                kube => StorageLocationCaCert.ForBackupAsync(kube, ctx.Namespace, backup, ctx.CancellationToken));

            var options = new FileStreamOptions
            {
                Mode = force.Value ? FileMode.Create : FileMode.CreateNew,
                Access = FileAccess.ReadWrite,
                Options = FileOptions.Asynchronous,
            };
            if (!OperatingSystem.IsWindows())
            {
                // Upstream's 0600: a backup holds Secrets.
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            FileStream file;
            try
            {
                file = new FileStream(path, options);
            }
            catch (IOException) when (!force.Value && File.Exists(path))
            {
                throw new CliException($"open {shown}: file exists");
            }

            try
            {
                await using (file)
                {
                    await DownloadFlags.Streamer(ctx).StreamAsync(ctx.Namespace, name, DownloadTargetKind.BackupContents, file,
                        flags.Settings(ctx, caCert), ctx.CancellationToken);
                }
            }
            catch (DownloadFailedException e)
            {
                File.Delete(path);
                throw new CliException(e.Message, e);
            }

            await ctx.Out.WriteLineAsync($"Backup {name} has been successfully downloaded to {shown}");
            return 0;
        };
        return command;
    }
}
