using Velero.Cli.CommandLine;
using Velero.Cli.Printers;
using Velero.Cli.Resources;
using Velero.Cli.Selectors;

namespace Velero.Cli.Commands.Schedule;

/// <summary><c>velero schedule describe [NAME...] [-l SELECTOR]</c>: descriptions separated by a blank line.</summary>
internal static class DescribeSchedulesCommand
{
    public static Command Create()
    {
        var command = new Command("describe [NAME1] [NAME2] [NAME...]", "Describe schedules");
        var selector = command.Flags.String("selector", "l", "", "Only show items matching this label selector.");
        command.Run = async ctx =>
        {
            var schedules = await new ResourceSet<Api.V1.Schedule>(ctx)
                .GetOrListAsync(ctx.Args, LabelSelectorParser.Canonical(selector.Value));
            var first = true;
            foreach (var schedule in schedules)
            {
                await ctx.Out.WriteAsync((first ? "" : "\n\n") + ScheduleDescriber.Describe(schedule, ctx.Env.TimeZone));
                first = false;
            }

            return 0;
        };
        return command;
    }
}
