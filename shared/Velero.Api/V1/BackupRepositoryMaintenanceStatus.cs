using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class BackupRepositoryMaintenanceStatus
{
    [CrdEnum(typeof(BackupRepositoryMaintenanceResult))]
    public string? Result { get; set; }

    [CrdNullable]
    public DateTime? StartTimestamp { get; set; }

    [CrdNullable]
    public DateTime? CompleteTimestamp { get; set; }

    public string? Message { get; set; }
}
