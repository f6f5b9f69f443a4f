namespace Velero.Api.V1;

/// <summary>What a failing exec hook does to the backup or restore (default <c>Fail</c>).</summary>
public static class HookErrorMode
{
    public const string Continue = "Continue";
    public const string Fail = "Fail";

    public static IReadOnlyList<string> All { get; } = [Continue, Fail];
}
