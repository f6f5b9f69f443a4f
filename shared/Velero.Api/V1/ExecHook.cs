using Velero.Api.Crds;

namespace Velero.Api.V1;

/// <summary>A command run in a pod's container through <c>pods/exec</c>.</summary>
public sealed class ExecHook
{
    /// <summary>Empty means the pod's first container.</summary>
    public string? Container { get; set; }

    [CrdRequired]
    [CrdMinItems(1)]
    public IList<string>? Command { get; set; }

    [CrdEnum(typeof(HookErrorMode))]
    public string? OnError { get; set; }

    /// <summary>Go duration; default 30s.</summary>
    public string? Timeout { get; set; }
}
