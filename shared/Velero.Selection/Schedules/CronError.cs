namespace Velero.Selection.Schedules;

/// <summary>
/// Why a schedule does not parse, in two wordings: <see cref="Message"/> is robfig/cron v3's own error text (the server
/// puts it after <c>invalid schedule: </c> in <c>status.validationErrors</c>, as upstream does), and
/// <see cref="Explanation"/> is one line naming the bad part for people typing at the CLI.
/// </summary>
public sealed record CronError(string Message, string Explanation);
