namespace Velero.Cli.CommandLine;

/// <summary>How many positional arguments a command takes, with cobra's error texts.</summary>
internal sealed class ArgsRule
{
    private readonly Func<IReadOnlyList<string>, string?> _check;

    private ArgsRule(Func<IReadOnlyList<string>, string?> check) => _check = check;

    public static ArgsRule Any { get; } = new(_ => null);

    public static ArgsRule None { get; } = new(a => a.Count == 0 ? null : $"unknown command \"{a[0]}\"");

    public static ArgsRule Exactly(int n) =>
        new(a => a.Count == n ? null : $"accepts {n} arg(s), received {a.Count}");

    public static ArgsRule Range(int min, int max) =>
        new(a => a.Count >= min && a.Count <= max ? null : $"accepts between {min} and {max} arg(s), received {a.Count}");

    public static ArgsRule MinimumN(int n) =>
        new(a => a.Count >= n ? null : $"requires at least {n} arg(s), only received {a.Count}");

    /// <summary>Null when the arguments are acceptable, else cobra's message.</summary>
    public string? Check(IReadOnlyList<string> args) => _check(args);
}
