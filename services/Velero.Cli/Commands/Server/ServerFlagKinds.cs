namespace Velero.Cli.Commands.Server;

/// <summary>Builds the two kinds of upstream server flag: one that sets a setting, one that is parsed and ignored.</summary>
internal static class ServerFlagKinds
{
    public static ServerFlag Setting(string name, string type, FlagValues.Parser parse, string? defaultValue, string key,
        string usage, string? shorthand = null) => new()
        {
            Name = name,
            Shorthand = shorthand,
            Type = type,
            Default = defaultValue,
            Usage = usage,
            Key = key,
            IsBool = type == "bool",
            Apply = text => parse(text, out var value, out var error)
                ? FlagOutcome.Set(key, value)
                : FlagOutcome.Invalid(name, text, error),
        };

    /// <summary>The value is still checked as upstream would, so a typo fails here as it fails there.</summary>
    public static ServerFlag Ignored(string name, string type, FlagValues.Parser parse, string? defaultValue, string why,
        string? shorthand = null) => new()
        {
            Name = name,
            Shorthand = shorthand,
            Type = type,
            Default = defaultValue,
            Usage = why,
            IsBool = type == "bool",
            Apply = text => parse(text, out _, out var error)
                ? FlagOutcome.Ignore("--" + name)
                : FlagOutcome.Invalid(name, text, error),
        };

    /// <summary>A flag whose value needs more than a type check or a one-to-one setting.</summary>
    public static ServerFlag Custom(string name, string type, string? defaultValue, string? key, string usage,
        Func<string, FlagOutcome> apply, string? shorthand = null) => new()
        {
            Name = name,
            Shorthand = shorthand,
            Type = type,
            Default = defaultValue,
            Usage = usage,
            Key = key,
            Apply = apply,
        };
}
