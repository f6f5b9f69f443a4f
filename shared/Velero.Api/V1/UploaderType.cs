namespace Velero.Api.V1;

/// <summary>Uploaders of pod volume data; empty means the server default.</summary>
public static class UploaderType
{
    public const string Kopia = "kopia";
    public const string Restic = "restic";
    public const string Default = "";

    public static IReadOnlyList<string> All { get; } = [Kopia, Restic, Default];
}
