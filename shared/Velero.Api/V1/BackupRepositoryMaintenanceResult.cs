namespace Velero.Api.V1;

/// <summary>Results of a repository maintenance run.</summary>
public static class BackupRepositoryMaintenanceResult
{
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";

    public static IReadOnlyList<string> All { get; } = [Succeeded, Failed];
}
