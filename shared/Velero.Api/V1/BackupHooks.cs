using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class BackupHooks
{
    [CrdNullable]
    public IList<BackupResourceHookSpec>? Resources { get; set; }
}
