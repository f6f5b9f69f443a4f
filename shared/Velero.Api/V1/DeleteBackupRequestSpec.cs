using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class DeleteBackupRequestSpec
{
    [CrdRequired]
    public string? BackupName { get; set; }
}
