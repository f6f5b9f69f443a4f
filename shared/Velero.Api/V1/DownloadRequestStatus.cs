using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class DownloadRequestStatus
{
    [CrdEnum(typeof(DownloadRequestPhase))]
    public string? Phase { get; set; }

    /// <summary>Pre-signed URL, valid until <see cref="Expiration"/>.</summary>
    public string? DownloadURL { get; set; }

    [CrdNullable]
    public DateTime? Expiration { get; set; }
}
