namespace Velero.Api.V1;

/// <summary>Best-effort progress of a running backup.</summary>
public sealed class BackupProgress
{
    public int? TotalItems { get; set; }

    public int? ItemsBackedUp { get; set; }
}
