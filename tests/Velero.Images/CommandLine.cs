namespace Velero.Images;

/// <summary><c>--key value</c> options, each key possibly repeated.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public static CommandLine Parse(IEnumerable<string> args)
    {
        var result = new CommandLine();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var key = e.Current;
            if (!key.StartsWith("--", StringComparison.Ordinal) || !e.MoveNext())
            {
                throw new ArgumentException($"expected --option value, got {key}");
            }

            var name = key[2..];
            if (!result._values.TryGetValue(name, out var list))
            {
                result._values[name] = list = [];
            }

            list.Add(e.Current);
        }

        return result;
    }

    public string Required(string name) =>
        Optional(name) ?? throw new ArgumentException($"--{name} is required");

    public string? Optional(string name) =>
        _values.TryGetValue(name, out var list) ? list[^1] : null;

    /// <summary>The repeated <c>--name KEY=VALUE</c> options.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs(string name) =>
        _values.TryGetValue(name, out var list)
            ? [.. list.Select(v => v.Split('=', 2) is [var k, var val]
                ? KeyValuePair.Create(k, val)
                : throw new ArgumentException($"--{name} wants PATH=VALUE, got {v}"))]
            : [];
}
