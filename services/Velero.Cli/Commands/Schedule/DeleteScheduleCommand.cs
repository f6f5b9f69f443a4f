using Velero.Cli.CommandLine;
using Velero.Cli.Commands.Shared;
using Velero.Cli.Resources;

namespace Velero.Cli.Commands.Schedule;

/// <summary><c>velero schedule delete [NAMES] [--all | -l SELECTOR] [--confirm]</c>, with upstream's prompt and texts.</summary>
internal static class DeleteScheduleCommand
{
    public static Command Create()
    {
        var command = new Command("delete [NAMES]", "Delete schedules")
        {
            Example = """
                  # Delete a schedule named "schedule-1".
                  velero schedule delete schedule-1

                  # Delete a schedule named "schedule-1" without prompting for confirmation.
                  velero schedule delete schedule-1 --confirm

                  # Delete schedules named "schedule-1" and "schedule-2".
                  velero schedule delete schedule-1 schedule-2

                  # Delete all schedules labeled with "foo=bar".
                  velero schedule delete --selector foo=bar

                  # Delete all schedules.
                  velero schedule delete --all
                """,
        };
        var selection = ResourceSelection.BindDelete(command, "schedule");
        command.Run = async ctx =>
        {
            var selector = selection.Validate(ctx);
            if (!await selection.ConfirmAsync(ctx))
            {
                return 0;
            }

            var (schedules, errors) = await ResourceSelection.ResolveAsync<Api.V1.Schedule>(ctx, selector);
            if (schedules.Count == 0 && errors.Count == 0)
            {
                await ctx.Out.WriteLineAsync("No schedules found");
                return 0;
            }

            var client = new ResourceSet<Api.V1.Schedule>(ctx).Client;
            foreach (var schedule in schedules)
            {
                await client.DeleteAsync(ctx.Namespace, schedule.Metadata.Name, ctx.CancellationToken);
                await ctx.Out.WriteLineAsync($"Schedule deleted: {schedule.Metadata.Name}");
            }

            return ResourceSelection.Aggregate(errors) is { } failure ? throw failure : 0;
        };
        return command;
    }
}
