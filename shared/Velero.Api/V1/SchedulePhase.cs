namespace Velero.Api.V1;

/// <summary>Phases of a Schedule.</summary>
public static class SchedulePhase
{
    public const string New = "New";
    public const string Enabled = "Enabled";
    public const string FailedValidation = "FailedValidation";

    public static IReadOnlyList<string> All { get; } = [New, Enabled, FailedValidation];
}
