using Velero.KubeEmulator.Api;

namespace Velero.KubeEmulator.Selectors;

/// <summary>The labelSelector query language: =, ==, !=, in, notin, exists and !exists, comma-joined.</summary>
public sealed class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> _requirements = [];

    public bool IsEmpty => _requirements.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r(labels));

    public static LabelSelector Parse(string? text)
    {
        var selector = new LabelSelector();
        foreach (var part in SplitTopLevel(text ?? ""))
        {
            selector._requirements.Add(ParseRequirement(part.Trim()));
        }

        return selector;
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 2 && words[1] is "in" or "notin")
        {
            var open = part.IndexOf('(');
            var close = part.LastIndexOf(')');
            if (open < 0 || close < open)
            {
                throw ApiException.BadRequest($"unable to parse requirement: found '{part}', expected: '('");
            }

            var key = words[0];
            var values = part[(open + 1)..close].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            return words[1] == "in"
                ? l => l.TryGetValue(key, out var v) && values.Contains(v)
                : l => !l.TryGetValue(key, out var v) || !values.Contains(v);
        }

        foreach (var op in new[] { "!=", "==", "=" })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = part[..at].Trim();
                var value = part[(at + op.Length)..].Trim();
                return op == "!="
                    ? l => !l.TryGetValue(key, out var v) || v != value
                    : l => l.TryGetValue(key, out var v) && v == value;
            }
        }

        if (part.StartsWith('!'))
        {
            var key = part[1..].Trim();
            return l => !l.ContainsKey(key);
        }

        if (part.Length == 0 || part.Contains(' ', StringComparison.Ordinal))
        {
            throw ApiException.BadRequest($"unable to parse requirement: {part}");
        }

        return l => l.ContainsKey(part);
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    if (i > start)
                    {
                        yield return text[start..i];
                    }

                    start = i + 1;
                    break;
            }
        }

        if (text.Length > start && text[start..].Trim().Length > 0)
        {
            yield return text[start..];
        }
    }
}
