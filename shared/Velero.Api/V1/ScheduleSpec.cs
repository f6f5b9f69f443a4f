using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class ScheduleSpec
{
    /// <summary>The spec of the backups this schedule creates.</summary>
    [CrdRequired]
    public BackupSpec? Template { get; set; }

    /// <summary>Cron expression.</summary>
    [CrdRequired]
    public string? Schedule { get; set; }

    [CrdNullable]
    public bool? UseOwnerReferencesInBackup { get; set; }

    public bool? Paused { get; set; }

    /// <summary>Null follows the server's <c>--schedule-skip-immediately</c> (default false).</summary>
    public bool? SkipImmediately { get; set; }
}
