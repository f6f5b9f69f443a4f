namespace Velero.Api.V1;

/// <summary>What a restore does with objects that already exist (<c>spec.existingResourcePolicy</c>).</summary>
public static class ExistingResourcePolicy
{
    public const string None = "none";
    public const string Update = "update";

    public static IReadOnlyList<string> All { get; } = [None, Update];
}
