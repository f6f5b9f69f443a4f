namespace Velero.Api.V1;

/// <summary>Phases of a ServerStatusRequest.</summary>
public static class ServerStatusRequestPhase
{
    public const string New = "New";
    public const string Processed = "Processed";

    public static IReadOnlyList<string> All { get; } = [New, Processed];
}
