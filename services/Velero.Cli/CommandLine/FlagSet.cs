using System.Globalization;
using Velero.Api;

namespace Velero.Cli.CommandLine;

/// <summary>
/// A command's flags, with pflag's value syntax: bools take <c>--f</c> or <c>--f=false</c>, slices split on commas
/// and accumulate, maps take <c>k1=v1,k2=v2</c>, durations Go's syntax (<c>720h0m0s</c>, <c>10m</c>).
/// </summary>
internal sealed class FlagSet
{
    private readonly List<Flag> _flags = [];

    public IReadOnlyList<Flag> All => _flags;

    public Flag? Find(string name) => _flags.Find(f => f.Name == name);

    public Flag? FindShorthand(string shorthand) => _flags.Find(f => f.Shorthand == shorthand);

    public Flag<string> String(string name, string? shorthand, string defaultValue, string usage) =>
        Add(new Flag<string>(name, shorthand, defaultValue, usage, "string", (_, v) => v,
            d => d.Length == 0 ? null : $"\"{d}\"", defaultValue));

    public Flag<bool> Bool(string name, string? shorthand, bool defaultValue, string usage) =>
        Add(new Flag<bool>(name, shorthand, defaultValue, usage, "", (_, v) => ParseBool(v),
            d => d ? "true" : null, defaultValue, noValueDefault: "true"));

    /// <summary>
    /// Upstream's tri-state flags (<c>--include-cluster-resources</c>): unset is null, and so is an empty value.
    /// <paramref name="noValueDefault"/> null makes the value required (<c>--skip-immediately</c>).
    /// </summary>
    public Flag<bool?> OptionalBool(string name, string? shorthand, string usage, string? noValueDefault = "true") =>
        Add(new Flag<bool?>(name, shorthand, null, usage, "optionalBool", (_, v) => v.Length == 0 ? null : ParseBool(v),
            _ => null, null, noValueDefault));

    public Flag<int> Int(string name, string? shorthand, int defaultValue, string usage) =>
        Add(new Flag<int>(name, shorthand, defaultValue, usage, "int", (_, v) => int.TryParse(v, NumberStyles.Integer,
                CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"invalid syntax for integer: \"{v}\""),
            d => d == 0 ? null : d.ToString(CultureInfo.InvariantCulture), defaultValue));

    public Flag<TimeSpan> Duration(string name, string? shorthand, TimeSpan defaultValue, string usage) =>
        Add(new Flag<TimeSpan>(name, shorthand, defaultValue, usage, "duration",
            (_, v) => GoDuration.TryParse(v, out var d) ? d : throw new FormatException($"time: invalid duration \"{v}\""),
            d => d == TimeSpan.Zero ? null : GoDuration.Format(d), defaultValue));

    /// <summary>Comma-separated and repeatable: <c>--include-namespaces a,b --include-namespaces c</c>.</summary>
    public Flag<IReadOnlyList<string>> StringSlice(string name, string? shorthand, string usage,
        IReadOnlyList<string>? defaultValue = null) =>
        Add(new Flag<IReadOnlyList<string>>(name, shorthand, defaultValue ?? [], usage, "stringArray",
            (current, v) => [.. current, .. v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            d => d.Count == 0 ? null : $"[{string.Join(",", d)}]", []));

    /// <summary>Repeatable without splitting on commas (selectors with <c>in (a,b)</c>).</summary>
    public Flag<IReadOnlyList<string>> StringArray(string name, string? shorthand, string usage) =>
        Add(new Flag<IReadOnlyList<string>>(name, shorthand, [], usage, "stringArray", (current, v) => [.. current, v],
            _ => null, []));

    /// <summary>Upstream's <c>flag.Map</c>: <c>k1=v1,k2=v2</c>, repeatable; a missing <c>=</c> is an error.</summary>
    public Flag<IReadOnlyDictionary<string, string>> Map(string name, string? shorthand, string usage) =>
        Add(new Flag<IReadOnlyDictionary<string, string>>(name, shorthand, new Dictionary<string, string>(), usage,
            "mapStringString", ParseMap, _ => null, new Dictionary<string, string>()));

    /// <summary>A value from a fixed set (<c>--existing-resource-policy none|update</c>), checked at parse time.</summary>
    public Flag<string> Enum(string name, string? shorthand, string defaultValue, string usage, params string[] allowed) =>
        Add(new Flag<string>(name, shorthand, defaultValue, usage, "string",
            (_, v) => allowed.Contains(v, StringComparer.Ordinal)
                ? v
                : throw new FormatException($"invalid argument \"{v}\": must be one of {string.Join(", ", allowed)}"),
            d => d.Length == 0 ? null : $"\"{d}\"", defaultValue));

    private TFlag Add<TFlag>(TFlag flag) where TFlag : Flag
    {
        if (Find(flag.Name) is not null || (flag.Shorthand is { } s && FindShorthand(s) is not null))
        {
            throw new InvalidOperationException($"flag redefined: {flag.Name}");
        }

        _flags.Add(flag);
        return flag;
    }

    private static bool ParseBool(string value) => value switch
    {
        "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
        "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
        _ => throw new FormatException($"strconv.ParseBool: parsing \"{value}\": invalid syntax"),
    };

    private static Dictionary<string, string> ParseMap(IReadOnlyDictionary<string, string> current, string value)
    {
        var map = new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var pair in value.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (kv.Length != 2)
            {
                throw new FormatException($"error parsing {pair}");
            }

            map[kv[0].Trim()] = kv[1].Trim();
        }

        return map;
    }
}
