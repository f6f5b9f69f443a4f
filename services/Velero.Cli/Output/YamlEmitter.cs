using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Velero.Cli.Output;

/// <summary>
/// Writes JSON as YAML the way Go's <c>sigs.k8s.io/yaml</c> does for kubectl and velero: keys sorted, sequences
/// at their parent's indentation, strings quoted only when YAML would read them as something else, multi-line
/// strings as literal blocks.
/// </summary>
internal static partial class YamlEmitter
{
    public static string Emit(JsonNode? node)
    {
        var text = new StringBuilder();
        switch (node)
        {
            case JsonObject o when o.Count > 0:
                WriteMapping(text, o, 0);
                break;
            case JsonArray a when a.Count > 0:
                WriteSequence(text, a, 0);
                break;
            default:
                text.Append(Scalar(node, 0)).Append('\n');
                break;
        }

        return text.ToString();
    }

    private static void WriteMapping(StringBuilder text, JsonObject map, int indent)
    {
        foreach (var (key, value) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.Append(' ', indent).Append(Quote(key)).Append(':');
            WriteValue(text, value, indent, nestedIndent: indent + 2, sequenceIndent: indent);
        }
    }

    private static void WriteSequence(StringBuilder text, JsonArray sequence, int indent)
    {
        foreach (var item in sequence)
        {
            text.Append(' ', indent).Append('-');
            if (item is JsonObject { Count: > 0 } map)
            {
                // The first key shares the dash's line: "- name: x".
                var inner = new StringBuilder();
                WriteMapping(inner, map, indent + 2);
                text.Append(' ').Append(inner.ToString(indent + 2, inner.Length - indent - 2));
            }
            else
            {
                WriteValue(text, item, indent, nestedIndent: indent + 2, sequenceIndent: indent + 2);
            }
        }
    }

    private static void WriteValue(StringBuilder text, JsonNode? value, int indent, int nestedIndent, int sequenceIndent)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 } map:
                text.Append('\n');
                WriteMapping(text, map, nestedIndent);
                break;
            case JsonArray { Count: > 0 } sequence:
                text.Append('\n');
                WriteSequence(text, sequence, sequenceIndent);
                break;
            default:
                text.Append(' ').Append(Scalar(value, indent)).Append('\n');
                break;
        }
    }

    private static string Scalar(JsonNode? node, int indent) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => StringScalar(v.GetValue<string>(), indent),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "false",
        _ => node.ToJsonString(),
    };

    private static string StringScalar(string value, int indent)
    {
        if (value.Contains('\n', StringComparison.Ordinal) && !value.Contains('\r', StringComparison.Ordinal)
                                                           && value.TrimEnd('\n').Length == value.Length - 1)
        {
            var pad = new string(' ', indent + 2);
            return "|\n" + string.Join('\n', value.TrimEnd('\n').Split('\n').Select(l => l.Length == 0 ? "" : pad + l));
        }

        return Quote(value);
    }

    /// <summary>
    /// go-yaml's choice: double quotes for a string YAML would read as another type (<c>"true"</c>, <c>"1"</c>, a
    /// timestamp) or that needs escapes; single quotes where only the syntax is in the way (<c>'*'</c>,
    /// <c>'a: b'</c>); plain otherwise.
    /// </summary>
    private static string Quote(string value)
    {
        if (value.Length == 0 || ReadsAsAnotherType(value) || value.Any(char.IsControl))
        {
            return JsonSerializer.Serialize(value, JsonOptions);
        }

        return SyntaxGetsInTheWay(value) ? "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'" : value;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static bool ReadsAsAnotherType(string value) =>
        Reserved.Contains(value)
        || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || value.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        || Timestamp().IsMatch(value);

    private static bool SyntaxGetsInTheWay(string value) =>
        value != value.Trim()
        || "[]{}#&*!|>'\"%@`,".Contains(value[0], StringComparison.Ordinal)
        || (value[0] is '-' or '?' or ':' && (value.Length == 1 || value[1] == ' '))
        || value.Contains(": ", StringComparison.Ordinal)
        || value.Contains(" #", StringComparison.Ordinal)
        || value.EndsWith(':');

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".nan", ".inf", "-.inf", "+.inf",
    };

    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}([Tt ]|$)")]
    private static partial Regex Timestamp();
}
