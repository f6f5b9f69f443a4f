using Velero.Api;
using Velero.Api.V1;
using Velero.BackupFormat.Layout;
using Velero.Cli.CommandLine;
using Velero.Cli.Downloads;
using Velero.Cli.Printers;
using Velero.Cli.Resources;
using Velero.Cli.Selectors;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Commands.Backup;

/// <summary>
/// <c>velero backup describe [NAMES] [-l] [--details]</c>: upstream's description of each backup, separated by a blank
/// line pair, with its deletion attempts and pod volume backups.
/// </summary>
internal static class DescribeBackupsCommand
{
    public static Command Create()
    {
        var command = new Command("describe [NAME1] [NAME2] [NAME...]", "Describe backups");
        var selector = command.Flags.String("selector", "l", "", "Only show items matching this label selector.");
        var details = command.Flags.Bool("details", null, false, "Display additional detail in the command output.");
        var insecure = command.Flags.Bool("insecure-skip-tls-verify", null, false,
            "If true, the object store's TLS certificate will not be checked for validity. This is insecure and susceptible to man-in-the-middle attacks. Not recommended for production.");
        var caCert = command.Flags.String("cacert", null, "",
            "Path to a certificate bundle to use when verifying TLS connections. If not specified, the CA certificate from the BackupStorageLocation will be used if available.");
        var output = command.Flags.String("output", "o", "plaintext",
            "Output display format. Valid formats are 'plaintext, json'. 'json' only applies to a single backup");
        command.Run = async ctx =>
        {
            if (output.Value is not "plaintext")
            {
                throw new CliException(output.Value == "json"
                    ? "the json output of backup describe is not supported yet"
                    : $"invalid output format '{output.Value}'. valid value are 'plaintext, json'");
            }

            var backups = await new ResourceSet<Api.V1.Backup>(ctx).GetOrListAsync(ctx.Args, LabelSelectorParser.Canonical(selector.Value));
            var byName = backups.DistinctBy(b => b.Metadata.Name).ToDictionary(b => b.Metadata.Name);
            var files = DescribeFilesSource.For(ctx, insecure.Value, caCert.Changed ? caCert.Value : ctx.ClientConfig.CaCertFile ?? "",
                (name, token) => StorageLocationCaCert.ForBackupAsync(ctx.Kube(), ctx.Namespace, byName[name], token));
            var first = true;
            foreach (var backup in backups)
            {
                var name = backup.Metadata.Name;
                var deleteRequests = await ListOrWarnAsync<DeleteBackupRequest>(ctx, "DeleteBackupRequests", name,
                    $"{WellKnown.BackupNameLabel}={LabelValues.GetValidName(name)},{WellKnown.BackupUidLabel}={backup.Metadata.Uid}");
                var podVolumeBackups = await ListOrWarnAsync<PodVolumeBackup>(ctx, "PodVolumeBackups", name,
                    $"{WellKnown.BackupNameLabel}={LabelValues.GetValidName(name)}");
                var text = await BackupDescriber.DescribeAsync(backup, deleteRequests, podVolumeBackups, details.Value, files,
                    ctx.Env.TimeZone, ctx.CancellationToken);
                await ctx.Out.WriteAsync(first ? text : "\n\n" + text);
                first = false;
            }

            return 0;
        };
        return command;
    }

    /// <summary>Upstream prints a failed lookup of these to stderr and describes the backup without them.</summary>
    internal static async Task<IReadOnlyList<T>> ListOrWarnAsync<T>(CommandContext ctx, string what, string name, string selector)
        where T : class, k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>
    {
        try
        {
            var list = await new CustomResourceClient<T>(ctx.Kube()).ListAsync(ctx.Namespace, selector, ctx.CancellationToken);
            return [.. list.Items];
        }
        catch (Exception e) when (CliApp.Describe(e) is { } message)
        {
            await ctx.Err.WriteLineAsync($"error getting {what} for {(typeof(T) == typeof(PodVolumeRestore) ? "restore" : "backup")} {name}: {message}");
            return [];
        }
    }
}
