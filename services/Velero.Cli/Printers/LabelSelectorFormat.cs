using k8s.Models;

namespace Velero.Cli.Printers;

/// <summary>
/// <c>metav1.FormatLabelSelector</c>: requirements sorted by key, <c>k=v</c>, <c>k in (a,b)</c>,
/// <c>k notin (a,b)</c>, <c>k</c>, <c>!k</c>, joined by commas; <c>&lt;none&gt;</c> when there are none.
/// </summary>
internal static class LabelSelectorFormat
{
    public static string Format(V1LabelSelector? selector)
    {
        if (selector is null)
        {
            return "<none>";
        }

        var requirements = new List<(string Key, string Text)>();
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            requirements.Add((key, $"{key}={value}"));
        }

        foreach (var expression in selector.MatchExpressions ?? [])
        {
            var values = string.Join(",", (expression.Values ?? []).Order(StringComparer.Ordinal));
            var text = expression.OperatorProperty switch
            {
                "In" => $"{expression.Key} in ({values})",
                "NotIn" => $"{expression.Key} notin ({values})",
                "Exists" => expression.Key,
                "DoesNotExist" => $"!{expression.Key}",
                _ => null,
            };
            if (text is null)
            {
                return "<error>";
            }

            requirements.Add((expression.Key, text));
        }

        var formatted = string.Join(",", requirements.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Text));
        return formatted.Length == 0 ? "<none>" : formatted;
    }
}
