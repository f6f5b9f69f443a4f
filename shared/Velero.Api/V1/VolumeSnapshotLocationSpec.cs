using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class VolumeSnapshotLocationSpec
{
    [CrdRequired]
    public string? Provider { get; set; }

    public IDictionary<string, string>? Config { get; set; }

    public V1SecretKeySelector? Credential { get; set; }
}
