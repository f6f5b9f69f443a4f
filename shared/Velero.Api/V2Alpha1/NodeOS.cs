namespace Velero.Api.V2Alpha1;

/// <summary>Operating systems of the node that moves the data.</summary>
public static class NodeOS
{
    public const string Auto = "auto";
    public const string Linux = "linux";
    public const string Windows = "windows";

    public static IReadOnlyList<string> All { get; } = [Auto, Linux, Windows];
}
