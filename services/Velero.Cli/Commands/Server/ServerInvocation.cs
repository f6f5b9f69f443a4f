namespace Velero.Cli.Commands.Server;

/// <summary>What <c>velero server</c>'s arguments ask for: the roles, the host's arguments, the ignored upstream flags.</summary>
internal sealed record ServerInvocation
{
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>
    /// <c>--Section:Key=value</c> settings: those upstream's flags translate to first, then the ones given as such
    /// (<c>--urls</c>, <c>--Section:Key</c>), so an explicit setting wins over a translated flag.
    /// </summary>
    public IReadOnlyList<string> HostArgs { get; init; } = [];

    /// <summary>Upstream flags accepted without effect, as the start-up notice names them.</summary>
    public IReadOnlyList<string> Ignored { get; init; } = [];

    public bool Help { get; init; }

    public string? Error { get; init; }

    public static ServerInvocation Fail(string error) => new() { Error = error };
}
