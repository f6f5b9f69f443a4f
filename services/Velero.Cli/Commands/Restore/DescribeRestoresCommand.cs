using Velero.Api;
using Velero.Api.V1;
using Velero.BackupFormat.Layout;
using Velero.Cli.CommandLine;
using Velero.Cli.Commands.Backup;
using Velero.Cli.Downloads;
using Velero.Cli.Printers;
using Velero.Cli.Resources;
using Velero.Cli.Selectors;

namespace Velero.Cli.Commands.Restore;

/// <summary><c>velero restore describe [NAMES] [-l] [--details]</c>: upstream's description of each restore.</summary>
internal static class DescribeRestoresCommand
{
    public static Command Create()
    {
        var command = new Command("describe [NAME1] [NAME2] [NAME...]", "Describe restores");
        var selector = command.Flags.String("selector", "l", "", "Only show items matching this label selector.");
        var details = command.Flags.Bool("details", null, false, "Display additional detail in the command output.");
        var insecure = command.Flags.Bool("insecure-skip-tls-verify", null, false,
            "If true, the object store's TLS certificate will not be checked for validity. This is insecure and susceptible to man-in-the-middle attacks. Not recommended for production.");
        var caCert = command.Flags.String("cacert", null, "", "Path to a certificate bundle to use when verifying TLS connections.");
        command.Run = async ctx =>
        {
            var restores = await new ResourceSet<Api.V1.Restore>(ctx).GetOrListAsync(ctx.Args, LabelSelectorParser.Canonical(selector.Value));
            var byName = restores.DistinctBy(r => r.Metadata.Name).ToDictionary(r => r.Metadata.Name);
            var files = DescribeFilesSource.For(ctx, insecure.Value, caCert.Changed ? caCert.Value : ctx.ClientConfig.CaCertFile ?? "",
                (name, token) => StorageLocationCaCert.ForRestoreAsync(ctx.Kube(), ctx.Namespace, byName[name], token));
            var first = true;
            foreach (var restore in restores)
            {
                var name = restore.Metadata.Name;
                var podVolumeRestores = await DescribeBackupsCommand.ListOrWarnAsync<PodVolumeRestore>(ctx, "PodVolumeRestores", name,
                    $"{WellKnown.RestoreNameLabel}={LabelValues.GetValidName(name)}");
                var text = await RestoreDescriber.DescribeAsync(restore, podVolumeRestores, details.Value, files, ctx.Env.TimeZone,
                    ctx.CancellationToken);
                await ctx.Out.WriteAsync(first ? text : "\n\n" + text);
                first = false;
            }

            return 0;
        };
        return command;
    }
}
