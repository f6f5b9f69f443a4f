namespace Velero.Snapshotter.Collection;

/// <summary>
/// How a collected backup ended, once every file is in object storage: <c>Completed</c>, or <c>PartiallyFailed</c> when
/// any error was logged, with the counts written to <c>velero-backup.json</c>.
/// </summary>
public sealed record CollectionResult
{
    public required string Phase { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }

    public required int TotalItems { get; init; }

    public required int ItemsBackedUp { get; init; }

    public required int Warnings { get; init; }

    public required int Errors { get; init; }

    public required int HooksAttempted { get; init; }

    public required int HooksFailed { get; init; }

    /// <summary>The size of the compressed resource tarball uploaded.</summary>
    public required long TarballBytes { get; init; }
}
