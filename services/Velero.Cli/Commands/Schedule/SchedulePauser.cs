using System.Text.Json.Nodes;
using Velero.Cli.CommandLine;
using Velero.Cli.Commands.Shared;
using Velero.Cli.Resources;

namespace Velero.Cli.Commands.Schedule;

/// <summary>
/// What pause and unpause share (upstream's runPause): schedules already in the wanted state are skipped, the
/// others get <c>paused</c> and the given <c>skipImmediately</c> (unset clears it, as upstream's update does).
/// </summary>
internal static class SchedulePauser
{
    public static async Task<int> RunAsync(CommandContext ctx, ResourceSelection selection, bool paused, bool? skipImmediately)
    {
        var selector = selection.Validate(ctx);
        var (schedules, errors) = await ResourceSelection.ResolveAsync<Api.V1.Schedule>(ctx, selector);
        if (schedules.Count == 0 && errors.Count == 0)
        {
            await ctx.Out.WriteLineAsync("No schedules found");
            return 0;
        }

        var verb = paused ? "paused" : "unpaused";
        var client = new ResourceSet<Api.V1.Schedule>(ctx).Client;
        foreach (var schedule in schedules)
        {
            if ((schedule.Spec.Paused ?? false) == paused)
            {
                await ctx.Out.WriteLineAsync($"Schedule {schedule.Metadata.Name} is already {verb}, skip");
                continue;
            }

            var patch = new JsonObject
            {
                ["spec"] = new JsonObject
                {
                    ["paused"] = paused,
                    ["skipImmediately"] = skipImmediately is { } skip ? JsonValue.Create(skip) : null,
                },
            };
            try
            {
                await client.PatchAsync(ctx.Namespace, schedule.Metadata.Name, patch, ctx.CancellationToken);
            }
            catch (Exception e) when (CliApp.Describe(e) is { } message)
            {
                throw new CliException($"failed to update schedule {schedule.Metadata.Name}: {message}", e);
            }

            await ctx.Out.WriteLineAsync($"Schedule {schedule.Metadata.Name} {verb} successfully");
        }

        return ResourceSelection.Aggregate(errors) is { } failure ? throw failure : 0;
    }
}
