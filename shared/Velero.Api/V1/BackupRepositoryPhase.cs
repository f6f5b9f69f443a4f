namespace Velero.Api.V1;

/// <summary>Phases of a BackupRepository.</summary>
public static class BackupRepositoryPhase
{
    public const string New = "New";
    public const string Ready = "Ready";
    public const string NotReady = "NotReady";

    public static IReadOnlyList<string> All { get; } = [New, Ready, NotReady];
}
