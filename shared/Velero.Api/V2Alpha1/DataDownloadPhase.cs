namespace Velero.Api.V2Alpha1;

/// <summary>Phases of a DataDownload.</summary>
public static class DataDownloadPhase
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
