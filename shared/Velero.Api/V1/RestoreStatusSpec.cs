using Velero.Api.Crds;

namespace Velero.Api.V1;

/// <summary>Which resources get their <c>status</c> restored too.</summary>
public sealed class RestoreStatusSpec
{
    [CrdNullable]
    public IList<string>? IncludedResources { get; set; }

    [CrdNullable]
    public IList<string>? ExcludedResources { get; set; }
}
