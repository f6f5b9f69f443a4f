using Velero.Cli.CommandLine;
using Velero.Cli.Output;
using Velero.Cli.Printers;
using Velero.Cli.Resources;
using Velero.Cli.Selectors;

namespace Velero.Cli.Commands.Schedule;

/// <summary><c>velero schedule get [NAME...] [-l SELECTOR] [-o table|json|yaml]</c>.</summary>
internal static class GetSchedulesCommand
{
    public static Command Create()
    {
        var command = new Command("get", "Get schedules");
        var selector = command.Flags.String("selector", "l", "", "Only show items matching this label selector.");
        var output = OutputFlags.Bind(command);
        command.Run = async ctx =>
        {
            var format = output.Format;
            var schedules = await new ResourceSet<Api.V1.Schedule>(ctx)
                .GetOrListAsync(ctx.Args, LabelSelectorParser.Canonical(selector.Value));
            if (format == OutputFormat.Table)
            {
                await ScheduleTable.WriteAsync(ctx, schedules, output);
            }
            else
            {
                await ObjectPrinter.PrintListAsync(ctx.Out, format, schedules, "ScheduleList");
            }

            return 0;
        };
        return command;
    }
}
