using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.Schedule;

/// <summary><c>velero schedule</c>: upstream's create, get, describe, delete, pause and unpause.</summary>
internal static class ScheduleCommands
{
    public static Command Create() =>
        new Command("schedule", "Work with schedules") { Long = "Work with schedules" }.Add(
            CreateScheduleCommand.Create(),
            GetSchedulesCommand.Create(),
            DescribeSchedulesCommand.Create(),
            DeleteScheduleCommand.Create(),
            PauseScheduleCommand.Create(),
            UnpauseScheduleCommand.Create());
}
