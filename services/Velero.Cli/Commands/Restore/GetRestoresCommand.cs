using Velero.Cli.CommandLine;
using Velero.Cli.Output;
using Velero.Cli.Printers;
using Velero.Cli.Resources;
using Velero.Cli.Selectors;

namespace Velero.Cli.Commands.Restore;

/// <summary><c>velero restore get [NAMES] [-l selector]</c>: upstream's table, or the objects with <c>-o json|yaml</c>.</summary>
internal static class GetRestoresCommand
{
    public static Command Create()
    {
        var command = new Command("get", "Get restores");
        var selector = command.Flags.String("selector", "l", "", "Only show items matching this label selector.");
        var output = OutputFlags.Bind(command);
        command.Run = async ctx =>
        {
            var format = output.Format;
            var restores = await new ResourceSet<Api.V1.Restore>(ctx).GetOrListAsync(ctx.Args, LabelSelectorParser.Canonical(selector.Value));
            RestoreTable.MarkDeleting(restores);
            if (format == OutputFormat.Table)
            {
                await ctx.Out.WriteAsync(RestoreTable.Render(restores, output, ctx.Env.TimeZone));
            }
            else
            {
                await ObjectPrinter.PrintListAsync(ctx.Out, format, restores, "RestoreList");
            }

            return 0;
        };
        return command;
    }
}
