using Velero.Cli.CommandLine;
using Velero.Cli.Output;
using Velero.Cli.Printers;
using Velero.Cli.Resources;
using Velero.Cli.Selectors;

namespace Velero.Cli.Commands.Backup;

/// <summary><c>velero backup get [NAMES] [-l selector]</c>: upstream's table, or the objects with <c>-o json|yaml</c>.</summary>
internal static class GetBackupsCommand
{
    public static Command Create()
    {
        var command = new Command("get", "Get backups");
        var selector = command.Flags.String("selector", "l", "", "Only show items matching this label selector");
        var output = OutputFlags.Bind(command);
        command.Run = async ctx =>
        {
            var format = output.Format;
            var backups = await new ResourceSet<Api.V1.Backup>(ctx).GetOrListAsync(ctx.Args, LabelSelectorParser.Canonical(selector.Value));
            if (format == OutputFormat.Table)
            {
                await ctx.Out.WriteAsync(BackupTable.Render(backups, output, ctx.Time.GetUtcNow(), ctx.Env.TimeZone));
            }
            else
            {
                await ObjectPrinter.PrintListAsync(ctx.Out, format, backups, "BackupList");
            }

            return 0;
        };
        return command;
    }
}
