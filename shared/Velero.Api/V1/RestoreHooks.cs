namespace Velero.Api.V1;

public sealed class RestoreHooks
{
    public IList<RestoreResourceHookSpec>? Resources { get; set; }
}
