using Velero.Cli.CommandLine;
using Velero.Cli.Commands.Shared;

namespace Velero.Cli.Commands.Schedule;

/// <summary><c>velero schedule unpause [NAMES] [--all | -l SELECTOR] [--skip-immediately=BOOL]</c>.</summary>
internal static class UnpauseScheduleCommand
{
    public static Command Create()
    {
        var command = new Command("unpause", "Unpause schedules")
        {
            Example = """
                  # Unpause a schedule named "schedule-1".
                  velero schedule unpause schedule-1

                  # Unpause schedules named "schedule-1" and "schedule-2".
                  velero schedule unpause schedule-1 schedule-2

                  # Unpause all schedules labeled with "foo=bar".
                  velero schedule unpause --selector foo=bar

                  # Unpause all schedules.
                  velero schedule unpause --all
                """,
        };
        // Upstream builds both commands' selection flags with the verb "pause".
        var selection = ResourceSelection.Bind(command, "pause", "schedule");
        var skipImmediately = SkipImmediatelyFlag.Bind(command);
        command.Run = ctx => SchedulePauser.RunAsync(ctx, selection, paused: false, skipImmediately.Value);
        return command;
    }
}
