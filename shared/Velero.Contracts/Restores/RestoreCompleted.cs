namespace Velero.Contracts.Restores;

/// <summary>
/// A restore ran to its end and its files are under <c>restores/&lt;name&gt;/</c> in the backup's location.
/// <see cref="Phase"/> is <c>Completed</c>, or <c>PartiallyFailed</c> when any item or hook failed.
/// </summary>
public sealed record RestoreCompleted
{
    public required RestoreRef Restore { get; init; }

    public required int Attempt { get; init; }

    /// <summary><c>Completed</c> or <c>PartiallyFailed</c>.</summary>
    public required string Phase { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }

    public required int TotalItems { get; init; }

    public required int ItemsRestored { get; init; }

    public required int Warnings { get; init; }

    public required int Errors { get; init; }

    public required int HooksAttempted { get; init; }

    public required int HooksFailed { get; init; }
}
