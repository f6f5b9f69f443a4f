namespace Velero.Api.V1;

public sealed class RestoreProgress
{
    public int? TotalItems { get; set; }

    public int? ItemsRestored { get; set; }
}
