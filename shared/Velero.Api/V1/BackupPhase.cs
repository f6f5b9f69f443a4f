namespace Velero.Api.V1;

/// <summary>Phases of a Backup, in upstream's order (<c>Queued</c> and <c>ReadyToStart</c> since 1.18).</summary>
public static class BackupPhase
{
    public const string New = "New";
    public const string Queued = "Queued";
    public const string ReadyToStart = "ReadyToStart";
    public const string FailedValidation = "FailedValidation";
    public const string InProgress = "InProgress";
    public const string WaitingForPluginOperations = "WaitingForPluginOperations";
    public const string WaitingForPluginOperationsPartiallyFailed = "WaitingForPluginOperationsPartiallyFailed";
    public const string Finalizing = "Finalizing";
    public const string FinalizingPartiallyFailed = "FinalizingPartiallyFailed";
    public const string Completed = "Completed";
    public const string PartiallyFailed = "PartiallyFailed";
    public const string Failed = "Failed";
    public const string Deleting = "Deleting";

    public static IReadOnlyList<string> All { get; } =
    [
        New,
        Queued,
        ReadyToStart,
        FailedValidation,
        InProgress,
        WaitingForPluginOperations,
        WaitingForPluginOperationsPartiallyFailed,
        Finalizing,
        FinalizingPartiallyFailed,
        Completed,
        PartiallyFailed,
        Failed,
        Deleting,
    ];
}
