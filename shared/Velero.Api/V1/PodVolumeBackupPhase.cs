namespace Velero.Api.V1;

/// <summary>Phases of a PodVolumeBackup.</summary>
public static class PodVolumeBackupPhase
{
    public const string New = "New";
    public const string Accepted = "Accepted";
    public const string Prepared = "Prepared";
    public const string InProgress = "InProgress";
    public const string Canceling = "Canceling";
    public const string Canceled = "Canceled";
    public const string Completed = "Completed";
    public const string Failed = "Failed";

    public static IReadOnlyList<string> All { get; } =
    [
        New,
        Accepted,
        Prepared,
        InProgress,
        Canceling,
        Canceled,
        Completed,
        Failed,
    ];
}
