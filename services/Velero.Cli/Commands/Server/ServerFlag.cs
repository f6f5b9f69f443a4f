namespace Velero.Cli.Commands.Server;

/// <summary>
/// One flag of upstream's <c>velero server</c> (its own, and the global ones every velero command takes): how it
/// parses, what help shows, and where its value goes here.
/// </summary>
internal sealed record ServerFlag
{
    public required string Name { get; init; }

    public string? Shorthand { get; init; }

    /// <summary>pflag's type name (<c>duration</c>, <c>int</c>, <c>strings</c>, <c>bool</c>); help omits <c>bool</c>, and enums have none.</summary>
    public required string Type { get; init; }

    /// <summary>Upstream's default as its help prints it; null when pflag omits it (zero values).</summary>
    public string? Default { get; init; }

    /// <summary>What the flag does, or for an ignored flag why it does not apply here.</summary>
    public required string Usage { get; init; }

    /// <summary>The setting the flag sets here; null when it is accepted and ignored.</summary>
    public string? Key { get; init; }

    /// <summary>A boolean flag takes its value only as <c>--flag=value</c>; alone it means true.</summary>
    public bool IsBool { get; init; }

    public required Func<string, FlagOutcome> Apply { get; init; }
}
