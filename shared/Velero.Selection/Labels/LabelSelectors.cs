using k8s.Models;

namespace Velero.Selection.Labels;

/// <summary>
/// Label selectors as apimachinery handles them: <see cref="Format"/> is <c>metav1.FormatLabelSelector</c> (the
/// <c>labelSelector</c> query string Velero sends when listing), <see cref="Matches"/> the in-memory
/// <c>LabelSelectorAsSelector(...).Matches(labels)</c>.
/// </summary>
public static class LabelSelectors
{
    /// <summary>
    /// Requirements sorted by key, <c>key=value</c>, <c>key in (a,b)</c>, <c>key notin (a,b)</c>, <c>key</c>, <c>!key</c>;
    /// values sorted. An empty selector renders as <c>&lt;none&gt;</c> and an invalid one as <c>&lt;error&gt;</c>, as
    /// upstream does (both are then refused by the API server, which is what upstream Velero hits too).
    /// </summary>
    public static string Format(V1LabelSelector selector)
    {
        if (!TryGetRequirements(selector, out var requirements))
        {
            return "<error>";
        }

        var text = string.Join(",", requirements.Select(FormatRequirement));
        return text.Length == 0 ? "<none>" : text;
    }

    /// <summary>Whether <paramref name="labels"/> satisfy the selector; an empty selector matches everything, an invalid one nothing.</summary>
    public static bool Matches(V1LabelSelector selector, IReadOnlyDictionary<string, string>? labels)
    {
        if (!TryGetRequirements(selector, out var requirements))
        {
            return false;
        }

        labels ??= new Dictionary<string, string>();
        return requirements.All(r => r.Operator switch
        {
            "=" => labels.TryGetValue(r.Key, out var v) && v == r.Values[0],
            "In" => labels.TryGetValue(r.Key, out var v) && r.Values.Contains(v, StringComparer.Ordinal),
            "NotIn" => !labels.TryGetValue(r.Key, out var v) || !r.Values.Contains(v, StringComparer.Ordinal),
            "Exists" => labels.ContainsKey(r.Key),
            _ => !labels.ContainsKey(r.Key),
        });
    }

    private static string FormatRequirement(Requirement r) => r.Operator switch
    {
        "=" => $"{r.Key}={r.Values[0]}",
        "In" => $"{r.Key} in ({string.Join(",", r.Values)})",
        "NotIn" => $"{r.Key} notin ({string.Join(",", r.Values)})",
        "Exists" => r.Key,
        _ => "!" + r.Key,
    };

    private static bool TryGetRequirements(V1LabelSelector selector, out List<Requirement> requirements)
    {
        requirements = [];
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            requirements.Add(new Requirement(key, "=", [value]));
        }

        foreach (var expression in selector.MatchExpressions ?? [])
        {
            var values = (expression.Values ?? []).Order(StringComparer.Ordinal).ToList();
            var valid = expression.OperatorProperty switch
            {
                "In" or "NotIn" => values.Count > 0,
                "Exists" or "DoesNotExist" => values.Count == 0,
                _ => false,
            };
            if (!valid)
            {
                return false;
            }

            requirements.Add(new Requirement(expression.Key, expression.OperatorProperty, values));
        }

        requirements = [.. requirements.OrderBy(r => r.Key, StringComparer.Ordinal)];
        return true;
    }

    private sealed record Requirement(string Key, string Operator, IReadOnlyList<string> Values);
}
