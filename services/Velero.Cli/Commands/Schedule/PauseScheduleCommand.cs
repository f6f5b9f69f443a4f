using Velero.Cli.CommandLine;
using Velero.Cli.Commands.Shared;

namespace Velero.Cli.Commands.Schedule;

/// <summary><c>velero schedule pause [NAMES] [--all | -l SELECTOR] [--skip-immediately=BOOL]</c>.</summary>
internal static class PauseScheduleCommand
{
    public static Command Create()
    {
        var command = new Command("pause", "Pause schedules")
        {
            Example = """
                  # Pause a schedule named "schedule-1".
                  velero schedule pause schedule-1

                  # Pause schedules named "schedule-1" and "schedule-2".
                  velero schedule pause schedule-1 schedule-2

                  # Pause all schedules labeled with "foo=bar".
                  velero schedule pause --selector foo=bar

                  # Pause all schedules.
                  velero schedule pause --all
                """,
        };
        // Upstream builds both commands' selection flags with the verb "pause".
        var selection = ResourceSelection.Bind(command, "pause", "schedule");
        var skipImmediately = SkipImmediatelyFlag.Bind(command);
        command.Run = ctx => SchedulePauser.RunAsync(ctx, selection, paused: true, skipImmediately.Value);
        return command;
    }
}
