namespace Velero.Api.V1;

/// <summary>Phases of a DeleteBackupRequest.</summary>
public static class DeleteBackupRequestPhase
{
    public const string New = "New";
    public const string InProgress = "InProgress";
    public const string Processed = "Processed";

    public static IReadOnlyList<string> All { get; } = [New, InProgress, Processed];
}
