using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class BackupRepositoryStatus
{
    [CrdEnum(typeof(BackupRepositoryPhase))]
    public string? Phase { get; set; }

    public string? Message { get; set; }

    [CrdNullable]
    public DateTime? LastMaintenanceTime { get; set; }

    public IList<BackupRepositoryMaintenanceStatus>? RecentMaintenance { get; set; }
}
