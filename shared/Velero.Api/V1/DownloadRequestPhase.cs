namespace Velero.Api.V1;

/// <summary>Phases of a DownloadRequest.</summary>
public static class DownloadRequestPhase
{
    public const string New = "New";
    public const string Processed = "Processed";

    public static IReadOnlyList<string> All { get; } = [New, Processed];
}
