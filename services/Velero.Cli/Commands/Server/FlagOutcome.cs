namespace Velero.Cli.Commands.Server;

/// <summary>What one flag's value does: configuration settings for the host, a notice that it is ignored, or an error.</summary>
internal sealed record FlagOutcome
{
    public IReadOnlyList<KeyValuePair<string, string>> Settings { get; init; } = [];

    /// <summary>How the ignored flag is named in the start-up notice (<c>--client-qps</c>), or null when it applies.</summary>
    public string? Ignored { get; init; }

    public string? Error { get; init; }

    public static FlagOutcome Set(string key, string value) => new() { Settings = [new(key, value)] };

    public static FlagOutcome Ignore(string shownAs) => new() { Ignored = shownAs };

    public static FlagOutcome Fail(string error) => new() { Error = error };

    /// <summary>pflag's wording for a value its type refuses.</summary>
    public static FlagOutcome Invalid(string flag, string value, string reason) =>
        Fail($"invalid argument \"{value}\" for \"--{flag}\" flag: {reason}");
}
