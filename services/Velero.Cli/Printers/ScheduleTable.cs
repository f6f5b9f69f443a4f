using Velero.Api;
using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Cli.Output;

namespace Velero.Cli.Printers;

/// <summary>
/// Upstream's schedule table (schedule_printer.go): NAME, STATUS (New when unset), CREATED (Go time), SCHEDULE,
/// BACKUP TTL (Go duration), LAST BACKUP (n/a or how long ago), SELECTOR, PAUSED. No rows prints nothing.
/// </summary>
internal static class ScheduleTable
{
    public static Task WriteAsync(CommandContext ctx, IReadOnlyList<Schedule> schedules, OutputFlags flags)
    {
        if (schedules.Count == 0)
        {
            return Task.CompletedTask;
        }

        var table = new TableWriter(["NAME", "STATUS", "CREATED", "SCHEDULE", "BACKUP TTL", "LAST BACKUP", "SELECTOR", "PAUSED"]);
        var now = ctx.Time.GetUtcNow();
        foreach (var schedule in schedules)
        {
            var ttl = GoDuration.TryParse(schedule.Spec.Template?.Ttl, out var d) ? d : TimeSpan.Zero;
            table.AddRow(ObjectLabels.Of(schedule.Metadata), flags,
                schedule.Metadata.Name,
                string.IsNullOrEmpty(schedule.Status?.Phase) ? SchedulePhase.New : schedule.Status.Phase,
                Created(schedule, ctx),
                schedule.Spec.Schedule ?? "",
                GoDuration.Format(ttl),
                LastBackup(schedule.Status?.LastBackup, now),
                Describer.Selector(schedule.Spec.Template?.LabelSelector),
                schedule.Spec.Paused == true ? "true" : "false");
        }

        return table.WriteAsync(ctx.Out, flags);
    }

    /// <summary>Go's zero time for an object not yet created (<c>create -o table</c>).</summary>
    private static string Created(Schedule schedule, CommandContext ctx) =>
        schedule.Metadata.CreationTimestamp is null
            ? "0001-01-01 00:00:00 +0000 UTC"
            : Humanize.GoTime(schedule.Metadata.CreationTimestamp, ctx.Env.TimeZone);

    /// <summary>Upstream passes Go's zero time for a schedule that never ran, which reads as <c>n/a</c>.</summary>
    private static string LastBackup(DateTime? lastBackup, DateTimeOffset now) =>
        Humanize.FromNow(lastBackup is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null, now);
}
