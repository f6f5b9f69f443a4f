namespace Velero.Api.V1;

public sealed class HookStatus
{
    public int? HooksAttempted { get; set; }

    public int? HooksFailed { get; set; }
}
