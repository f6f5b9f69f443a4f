using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class ScheduleStatus
{
    [CrdEnum(typeof(SchedulePhase))]
    public string? Phase { get; set; }

    [CrdNullable]
    public DateTime? LastBackup { get; set; }

    [CrdNullable]
    public DateTime? LastSkipped { get; set; }

    public IList<string>? ValidationErrors { get; set; }
}
