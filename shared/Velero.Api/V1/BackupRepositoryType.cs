namespace Velero.Api.V1;

/// <summary>Repository types of a BackupRepository; empty is treated as restic by upstream.</summary>
public static class BackupRepositoryType
{
    public const string Kopia = "kopia";
    public const string Restic = "restic";
    public const string Default = "";

    public static IReadOnlyList<string> All { get; } = [Kopia, Restic, Default];
}
