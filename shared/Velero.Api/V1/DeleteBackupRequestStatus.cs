using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class DeleteBackupRequestStatus
{
    [CrdEnum(typeof(DeleteBackupRequestPhase))]
    public string? Phase { get; set; }

    [CrdNullable]
    public IList<string>? Errors { get; set; }
}
