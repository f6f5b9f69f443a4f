using k8s.Models;
using Velero.Cli.CommandLine;

namespace Velero.Cli.Selectors;

/// <summary>
/// apimachinery's label selector grammar (<c>labels.Parse</c>) and <c>metav1.ParseToLabelSelector</c>, with their
/// error texts: <c>a=b,c in (x,y),!d</c>. Used for <c>-l/--selector</c> and <c>--or-selector</c>.
/// </summary>
internal static class LabelSelectorParser
{
    private const string BinaryOperators = "in, notin, =, ==, !=, gt, lt";

    /// <summary>The requirements sorted by key, as <c>labels.Parse</c> returns them; throws <see cref="FormatException"/>.</summary>
    public static IReadOnlyList<SelectorRequirement> Parse(string selector)
    {
        var parser = new Parser(SelectorLexer.Scan(selector));
        return [.. parser.ParseAll().OrderBy(r => r.Key, StringComparer.Ordinal)];
    }

    /// <summary>
    /// For commands that list by selector: null for an empty selector (everything), else the normalized form; a
    /// malformed selector is a one-line <see cref="CliException"/>.
    /// </summary>
    public static string? Canonical(string selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return null;
        }

        try
        {
            return Normalize(selector) is { Length: > 0 } normalized ? normalized : null;
        }
        catch (FormatException e)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary><c>labels.Parse(s).String()</c>: the normalized form sent to the API server.</summary>
    public static string Normalize(string selector) => string.Join(",", Parse(selector));

    /// <summary>
    /// <c>metav1.ParseToLabelSelector</c>: equality requirements become matchLabels, the rest matchExpressions;
    /// errors read <c>couldn't parse the selector string "...": ...</c>.
    /// </summary>
    public static V1LabelSelector ToLabelSelector(string selector)
    {
        IReadOnlyList<SelectorRequirement> requirements;
        try
        {
            requirements = Parse(selector);
        }
        catch (FormatException e)
        {
            throw new FormatException($"couldn't parse the selector string \"{selector}\": {e.Message}");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var expressions = new List<V1LabelSelectorRequirement>();
        foreach (var r in requirements)
        {
            switch (r.Operator)
            {
                case "=" or "==":
                    labels[r.Key] = r.Values[0];
                    break;
                case "in" or "notin" or "exists" or "!":
                    var op = r.Operator switch { "in" => "In", "notin" => "NotIn", "exists" => "Exists", _ => "DoesNotExist" };
                    expressions.Add(new V1LabelSelectorRequirement { Key = r.Key, OperatorProperty = op, Values = r.Values.Count == 0 ? null : [.. r.Values] });
                    break;
                case "gt" or "lt":
                    throw new FormatException($"\"{r.Operator}\" isn't supported in label selectors");
                default:
                    throw new FormatException($"\"{r.Operator}\" is not a valid label selector operator");
            }
        }

        return new V1LabelSelector
        {
            MatchLabels = labels.Count == 0 ? null : labels,
            MatchExpressions = expressions.Count == 0 ? null : expressions,
        };
    }

    /// <summary>Upstream's <c>--or-selector</c>: selectors separated by <c>" or "</c>.</summary>
    public static IList<V1LabelSelector> ToOrLabelSelectors(string value) =>
        [.. value.Split(" or ").Select(ToLabelSelector)];

    private sealed class Parser(IReadOnlyList<(SelectorToken Token, string Literal)> items)
    {
        private int _position;

        public List<SelectorRequirement> ParseAll()
        {
            var requirements = new List<SelectorRequirement>();
            while (true)
            {
                var (token, literal) = Lookahead(values: true);
                switch (token)
                {
                    case SelectorToken.Identifier or SelectorToken.DoesNotExist:
                        try
                        {
                            requirements.Add(ParseRequirement());
                        }
                        catch (FormatException e)
                        {
                            throw new FormatException($"unable to parse requirement: {e.Message}");
                        }

                        var (next, nextLiteral) = Consume(values: true);
                        switch (next)
                        {
                            case SelectorToken.EndOfString:
                                return requirements;
                            case SelectorToken.Comma:
                                var (after, afterLiteral) = Lookahead(values: true);
                                if (after is not (SelectorToken.Identifier or SelectorToken.DoesNotExist))
                                {
                                    throw new FormatException($"found '{afterLiteral}', expected: identifier after ','");
                                }

                                break;
                            default:
                                throw new FormatException($"found '{nextLiteral}', expected: ',' or 'end of string'");
                        }

                        break;
                    case SelectorToken.EndOfString:
                        return requirements;
                    default:
                        throw new FormatException($"found '{literal}', expected: !, identifier, or 'end of string'");
                }
            }
        }

        private SelectorRequirement ParseRequirement()
        {
            var doesNotExist = false;
            var (token, key) = Consume(values: true);
            if (token == SelectorToken.DoesNotExist)
            {
                doesNotExist = true;
                (token, key) = Consume(values: true);
            }

            if (token != SelectorToken.Identifier)
            {
                throw new FormatException($"found '{key}', expected: identifier");
            }

            if (LabelValidation.QualifiedName(key) is { Count: > 0 } keyErrors)
            {
                throw new FormatException($"<nil>: Invalid value: \"{key}\": {string.Join("; ", keyErrors)}");
            }

            if (Lookahead(values: true).Token is SelectorToken.EndOfString or SelectorToken.Comma)
            {
                return new SelectorRequirement(key, doesNotExist ? "!" : "exists", []);
            }

            if (doesNotExist)
            {
                // upstream falls through to NewRequirement with an empty operator
                throw new FormatException($"operator: Unsupported value: \"\": supported values: \"in\", \"notin\", \"=\", \"==\", \"!=\", \"gt\", \"lt\", \"exists\", \"!\"");
            }

            var (opToken, opLiteral) = Consume(values: false);
            var op = opToken switch
            {
                SelectorToken.In => "in",
                SelectorToken.NotIn => "notin",
                SelectorToken.Equals => "=",
                SelectorToken.DoubleEquals => "==",
                SelectorToken.NotEquals => "!=",
                SelectorToken.GreaterThan => "gt",
                SelectorToken.LessThan => "lt",
                _ => throw new FormatException($"found '{opLiteral}', expected: {BinaryOperators}"),
            };
            var values = op is "in" or "notin" ? ParseValues() : ParseExactValue();
            var sorted = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var errors = new List<string>();
            if (op is "gt" or "lt")
            {
                errors.AddRange(sorted.Select((v, i) => (v, i)).Where(x => !long.TryParse(x.v, out _))
                    .Select(x => $"values[{x.i}]: Invalid value: \"{x.v}\": for 'Gt', 'Lt' operators, the value must be an integer"));
            }

            for (var i = 0; i < sorted.Count; i++)
            {
                if (LabelValidation.LabelValue(sorted[i]) is { Count: > 0 } valueErrors)
                {
                    errors.Add($"values[{i}][{key}]: Invalid value: \"{sorted[i]}\": {string.Join("; ", valueErrors)}");
                }
            }

            if (errors.Count > 0)
            {
                throw new FormatException(errors.Count == 1 ? errors[0] : $"[{string.Join(", ", errors)}]");
            }

            return new SelectorRequirement(key, op, sorted);
        }

        private List<string> ParseValues()
        {
            var (token, literal) = Consume(values: true);
            if (token != SelectorToken.OpenPar)
            {
                throw new FormatException($"found '{literal}' expected: '('");
            }

            (token, literal) = Lookahead(values: true);
            switch (token)
            {
                case SelectorToken.Identifier or SelectorToken.Comma:
                    var values = ParseIdentifiers();
                    if (Consume(values: true).Token != SelectorToken.ClosedPar)
                    {
                        throw new FormatException($"found '{literal}', expected: ')'");
                    }

                    return values;
                case SelectorToken.ClosedPar:
                    Consume(values: true);
                    return [""];
                default:
                    throw new FormatException($"found '{literal}', expected: ',', ')' or identifier");
            }
        }

        private List<string> ParseIdentifiers()
        {
            var values = new List<string>();
            while (true)
            {
                var (token, literal) = Consume(values: true);
                switch (token)
                {
                    case SelectorToken.Identifier:
                        values.Add(literal);
                        var (next, nextLiteral) = Lookahead(values: true);
                        if (next == SelectorToken.Comma)
                        {
                            continue;
                        }

                        return next == SelectorToken.ClosedPar
                            ? values
                            : throw new FormatException($"found '{nextLiteral}', expected: ',' or ')'");
                    case SelectorToken.Comma:
                        if (values.Count == 0)
                        {
                            values.Add("");
                        }

                        var following = Lookahead(values: true).Token;
                        if (following == SelectorToken.ClosedPar)
                        {
                            values.Add("");
                            return values;
                        }

                        if (following == SelectorToken.Comma)
                        {
                            Consume(values: true);
                            values.Add("");
                        }

                        break;
                    default:
                        throw new FormatException($"found '{literal}', expected: ',', or identifier");
                }
            }
        }

        private List<string> ParseExactValue()
        {
            if (Lookahead(values: true).Token is SelectorToken.EndOfString or SelectorToken.Comma)
            {
                return [""];
            }

            var (token, literal) = Consume(values: true);
            return token == SelectorToken.Identifier ? [literal] : throw new FormatException($"found '{literal}', expected: identifier");
        }

        private (SelectorToken Token, string Literal) Lookahead(bool values) => AsValue(items[_position], values);

        private (SelectorToken Token, string Literal) Consume(bool values) => AsValue(items[_position++], values);

        // "in" and "notin" are plain values where a value is expected ("a in (in)").
        private static (SelectorToken Token, string Literal) AsValue((SelectorToken Token, string Literal) item, bool values) =>
            values && item.Token is SelectorToken.In or SelectorToken.NotIn ? (SelectorToken.Identifier, item.Literal) : item;
    }
}
