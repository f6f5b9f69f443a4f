namespace Velero.Api.V1;

/// <summary>Phases of a Restore, in upstream's order.</summary>
public static class RestorePhase
{
    public const string New = "New";
    public const string FailedValidation = "FailedValidation";
    public const string InProgress = "InProgress";
    public const string WaitingForPluginOperations = "WaitingForPluginOperations";
    public const string WaitingForPluginOperationsPartiallyFailed = "WaitingForPluginOperationsPartiallyFailed";
    public const string Completed = "Completed";
    public const string PartiallyFailed = "PartiallyFailed";
    public const string Failed = "Failed";
    public const string Finalizing = "Finalizing";
    public const string FinalizingPartiallyFailed = "FinalizingPartiallyFailed";

    public static IReadOnlyList<string> All { get; } =
    [
        New,
        FailedValidation,
        InProgress,
        WaitingForPluginOperations,
        WaitingForPluginOperationsPartiallyFailed,
        Completed,
        PartiallyFailed,
        Failed,
        Finalizing,
        FinalizingPartiallyFailed,
    ];
}
