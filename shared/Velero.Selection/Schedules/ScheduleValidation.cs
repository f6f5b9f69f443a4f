namespace Velero.Selection.Schedules;

/// <summary>The validation errors of a Schedule's <c>spec.schedule</c>, worded as upstream's schedule controller words them.</summary>
public static class ScheduleValidation
{
    public const string Empty = "Schedule must be a non-empty valid Cron expression";

    /// <summary>Empty when the expression parses; else the one line upstream puts in <c>status.validationErrors</c>.</summary>
    public static IReadOnlyList<string> Validate(string? schedule, out CronSchedule? parsed)
    {
        parsed = null;
        if (string.IsNullOrEmpty(schedule))
        {
            return [Empty];
        }

        return CronSchedule.TryParse(schedule, out parsed, out var error) ? [] : [$"invalid schedule: {error.Message}"];
    }
}
