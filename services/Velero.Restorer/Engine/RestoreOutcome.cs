namespace Velero.Restorer.Engine;

/// <summary>
/// How a restore ended, once its files are under <c>restores/&lt;name&gt;/</c>: <c>Completed</c>, <c>PartiallyFailed</c>
/// (some item or hook failed; the others were restored), or <c>Failed</c> (the backup could not be read; what was
/// restored before the fault is in the resource list, and <see cref="FailureReason"/> says why).
/// </summary>
public sealed record RestoreOutcome
{
    public required string Phase { get; init; }

    public string? FailureReason { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }

    public required int TotalItems { get; init; }

    public required int ItemsRestored { get; init; }

    public required int Warnings { get; init; }

    public required int Errors { get; init; }

    public required int HooksAttempted { get; init; }

    public required int HooksFailed { get; init; }
}
