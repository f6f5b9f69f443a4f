using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class BackupResourceHook
{
    [CrdRequired]
    public ExecHook? Exec { get; set; }
}
