namespace Velero.Api.V1;

/// <summary>Either an exec hook or init containers.</summary>
public sealed class RestoreResourceHook
{
    public ExecRestoreHook? Exec { get; set; }

    public InitRestoreHook? Init { get; set; }
}
