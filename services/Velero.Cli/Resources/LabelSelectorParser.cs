using System.Text.RegularExpressions;
using k8s.Models;
using Velero.Cli.CommandLine;
using Velero.Cli.Printers;

namespace Velero.Cli.Resources;

/// <summary>
/// Parses a label selector as Kubernetes' <c>labels.Parse</c> and <c>metav1.ParseToLabelSelector</c> read one:
/// <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a in (x,y)</c>, <c>a notin (x,y)</c>, <c>a</c>, <c>!a</c>, comma-separated.
/// A malformed selector fails here, in one line, before anything reaches the server.
/// </summary>
internal static partial class LabelSelectorParser
{
    public static V1LabelSelector Parse(string text)
    {
        var selector = new V1LabelSelector();
        foreach (var requirement in SplitRequirements(text))
        {
            AddRequirement(selector, requirement.Trim(), text);
        }

        return selector;
    }

    /// <summary>Parses and validates; null for an empty selector (everything).</summary>
    public static string? Canonical(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var formatted = LabelSelectorFormat.Format(Parse(text));
        return formatted == "<none>" ? null : formatted;
    }

    /// <summary>Upstream's <c>--or-selector</c>: selectors separated by <c> or </c>.</summary>
    public static IList<V1LabelSelector> ParseOr(string text) =>
        [.. text.Split(" or ").Select(Parse)];

    private static IEnumerable<string> SplitRequirements(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static void AddRequirement(V1LabelSelector selector, string requirement, string text)
    {
        if (requirement.Length == 0)
        {
            throw Invalid(text, "found an empty requirement");
        }

        if (SetRequirement().Match(requirement) is { Success: true } set)
        {
            var values = set.Groups[3].Value.Split(',').Select(v => v.Trim()).ToList();
            foreach (var value in values)
            {
                CheckValue(value, text);
            }

            Expression(selector, CheckKey(set.Groups[1].Value, text), set.Groups[2].Value == "in" ? "In" : "NotIn", values);
            return;
        }

        if (requirement.StartsWith('!') && !requirement.Contains('='))
        {
            Expression(selector, CheckKey(requirement[1..].Trim(), text), "DoesNotExist", null);
            return;
        }

        if (requirement.IndexOfAny(['<', '>']) is var at and >= 0)
        {
            throw Invalid(text, $"\"{(requirement[at] == '<' ? "lt" : "gt")}\" is not a valid label selector operator");
        }

        if (requirement.Contains("!=", StringComparison.Ordinal))
        {
            var parts = requirement.Split("!=", 2);
            Expression(selector, CheckKey(parts[0].Trim(), text), "NotIn", [CheckValue(parts[1].Trim(), text)]);
            return;
        }

        if (requirement.Contains('=', StringComparison.Ordinal))
        {
            var parts = requirement.Split(requirement.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            selector.MatchLabels ??= new Dictionary<string, string>();
            selector.MatchLabels[CheckKey(parts[0].Trim(), text)] = CheckValue(parts[1].Trim(), text);
            return;
        }

        Expression(selector, CheckKey(requirement, text), "Exists", null);
    }

    private static void Expression(V1LabelSelector selector, string key, string op, IList<string>? values)
    {
        selector.MatchExpressions ??= [];
        selector.MatchExpressions.Add(new V1LabelSelectorRequirement { Key = key, OperatorProperty = op, Values = values });
    }

    private static string CheckKey(string key, string text)
    {
        var parts = key.Split('/');
        var valid = parts.Length switch
        {
            1 => Name().IsMatch(parts[0]) && parts[0].Length <= 63,
            2 => DnsSubdomain().IsMatch(parts[0]) && parts[0].Length <= 253 && Name().IsMatch(parts[1]) && parts[1].Length <= 63,
            _ => false,
        };
        return valid ? key : throw Invalid(text, $"invalid label key \"{key}\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
    }

    private static string CheckValue(string value, string text) =>
        value.Length == 0 || (value.Length <= 63 && Name().IsMatch(value))
            ? value
            : throw Invalid(text, $"invalid label value: \"{value}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");

    private static CliException Invalid(string text, string reason) => new($"invalid selector \"{text}\": {reason}");

    [GeneratedRegex(@"^(\S+)\s+(in|notin)\s*\((.*)\)$")]
    private static partial Regex SetRequirement();

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();
}
