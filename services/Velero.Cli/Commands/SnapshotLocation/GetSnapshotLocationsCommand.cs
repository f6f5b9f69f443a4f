using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Cli.Output;
using Velero.Cli.Printers;
using Velero.Cli.Resources;
using Velero.Cli.Selectors;

namespace Velero.Cli.Commands.SnapshotLocation;

/// <summary><c>velero snapshot-location get [NAME...] [-l SELECTOR] [-o ...]</c>.</summary>
internal static class GetSnapshotLocationsCommand
{
    public static Command Create()
    {
        var command = new Command("get", "Get snapshot locations");
        // Upstream declares -l here but never applies it; this one filters.
        var selector = command.Flags.String("selector", "l", "", "Only show items matching this label selector");
        var output = OutputFlags.Bind(command);
        command.Run = async ctx =>
        {
            var format = output.Format;
            var locations = await new ResourceSet<VolumeSnapshotLocation>(ctx)
                .GetOrListAsync(ctx.Args, LabelSelectorParser.Canonical(selector.Value));
            if (format == OutputFormat.Table)
            {
                await SnapshotLocationTable.WriteAsync(ctx, locations, output);
            }
            else
            {
                await ObjectPrinter.PrintListAsync(ctx.Out, format, locations, "VolumeSnapshotLocationList");
            }

            return 0;
        };
        return command;
    }
}
