using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class ExecRestoreHook
{
    public string? Container { get; set; }

    [CrdRequired]
    [CrdMinItems(1)]
    public IList<string>? Command { get; set; }

    [CrdEnum(typeof(HookErrorMode))]
    public string? OnError { get; set; }

    /// <summary>Go duration: how long the command may run.</summary>
    public string? ExecTimeout { get; set; }

    /// <summary>Go duration: how long to wait for the container to become ready.</summary>
    public string? WaitTimeout { get; set; }

    [CrdNullable]
    public bool? WaitForReady { get; set; }
}
