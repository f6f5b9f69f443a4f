using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Cli.Output;
using Velero.Cli.Printers;
using Velero.Cli.Resources;
using Velero.Cli.Selectors;

namespace Velero.Cli.Commands.BackupLocation;

/// <summary><c>velero backup-location get [NAME...] [--default] [-l SELECTOR] [-o ...]</c>.</summary>
internal static class GetBackupLocationsCommand
{
    public static Command Create()
    {
        var command = new Command("get", "Get backup storage locations");
        var showDefaultOnly = command.Flags.Bool("default", null, false, "Displays the current default backup storage location.");
        var selector = command.Flags.String("selector", "l", "", "Only show items matching this label selector.");
        var output = OutputFlags.Bind(command);
        command.Run = async ctx =>
        {
            var format = output.Format;
            IReadOnlyList<BackupStorageLocation> locations = await new ResourceSet<BackupStorageLocation>(ctx)
                .GetOrListAsync(ctx.Args, LabelSelectorParser.Canonical(selector.Value));
            if (showDefaultOnly.Value)
            {
                locations = [.. locations.Where(l => l.Spec.Default == true)];
            }

            if (format == OutputFormat.Table)
            {
                await BackupLocationTable.WriteAsync(ctx, locations, output);
            }
            else
            {
                await ObjectPrinter.PrintListAsync(ctx.Out, format, locations, "BackupStorageLocationList");
            }

            return 0;
        };
        return command;
    }
}
