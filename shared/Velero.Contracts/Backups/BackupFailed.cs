namespace Velero.Contracts.Backups;

/// <summary>
/// A backup ended without a usable result. <see cref="Phase"/> is <c>FailedValidation</c> (the spec or its location
/// was refused; <see cref="ValidationErrors"/> says why, in upstream's words) or <c>Failed</c> (it ran and could not
/// finish; <see cref="FailureReason"/> says why). Nothing of a failed backup is left where its location lists backups.
/// </summary>
public sealed record BackupFailed
{
    public required BackupRef Backup { get; init; }

    public required string Phase { get; init; }

    public string? FailureReason { get; init; }

    public IReadOnlyList<string>? ValidationErrors { get; init; }

    /// <summary>The attempt that failed; 0 when the backup never started.</summary>
    public int Attempt { get; init; }

    public required DateTimeOffset FailedAt { get; init; }
}
