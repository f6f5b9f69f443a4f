namespace Velero.Contracts.Restores;

/// <summary>
/// A restore ended without a usable result. <see cref="Phase"/> is <c>FailedValidation</c> (the spec was refused;
/// <see cref="ValidationErrors"/> says why, in upstream's words) or <c>Failed</c> (it ran and could not finish, for
/// instance a corrupt backup; <see cref="FailureReason"/> says why, and the restore's files list what was restored
/// before the fault).
/// </summary>
public sealed record RestoreFailed
{
    public required RestoreRef Restore { get; init; }

    public required string Phase { get; init; }

    public string? FailureReason { get; init; }

    public IReadOnlyList<string>? ValidationErrors { get; init; }

    /// <summary>The attempt that failed; 0 when the restore never started.</summary>
    public int Attempt { get; init; }

    /// <summary>Items restored before the fault (0 when it never started).</summary>
    public int ItemsRestored { get; init; }

    public int Warnings { get; init; }

    public int Errors { get; init; }

    public required DateTimeOffset FailedAt { get; init; }
}
