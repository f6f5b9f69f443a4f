using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Velero.ResourceModifiers.Yaml;

/// <summary>
/// YAML to JSON as <c>sigs.k8s.io/yaml</c> converts patch data: plain scalars resolve as YAML 1.1 does in go-yaml v2
/// (<c>yes</c>/<c>on</c> are booleans, <c>~</c> is null, hex and octal are numbers), quoted ones stay strings.
/// </summary>
internal static partial class YamlJson
{
    /// <summary>The first document of <paramref name="yaml"/> as JSON; null for an empty document.</summary>
    public static JsonNode? Parse(string yaml)
    {
        var root = Load(yaml);
        return root is null ? null : ToJson(root);
    }

    /// <summary>The root node of the first document, or null when there is none. Throws <see cref="YamlException"/>.</summary>
    public static YamlNode? Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ToObject(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new YamlException($"unsupported YAML node {node.NodeType}"),
    };

    /// <summary>Every scalar as its text, as a Go struct field or map of type string receives it.</summary>
    public static JsonNode? ToJsonWithStringScalars(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(entry =>
            KeyValuePair.Create(KeyText(entry.Key), ToJsonWithStringScalars(entry.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJsonWithStringScalars).ToArray()),
        YamlScalarNode scalar when IsNull(scalar) => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? string.Empty),
        _ => throw new YamlException($"unsupported YAML node {node.NodeType}"),
    };

    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL" && scalar.Tag.IsEmpty;

    private static JsonObject ToObject(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            // A later duplicate key wins, as in go-yaml's map decoding.
            result[KeyText(key)] = ToJson(value);
        }

        return result;
    }

    private static string KeyText(YamlNode key) => key is YamlScalarNode scalar
        ? Scalar(scalar) switch
        {
            null => "null",
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            var other => other.ToJsonString(),
        }
        : throw new YamlException("a mapping key must be a scalar");

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty && scalar.Tag.Value is "tag:yaml.org,2002:str" or "!!str")
        {
            return JsonValue.Create(text);
        }

        if (IsNull(scalar))
        {
            return null;
        }

        switch (text)
        {
            case "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON":
                return JsonValue.Create(true);
            case "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF":
                return JsonValue.Create(false);
        }

        var plain = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (DecimalInteger().IsMatch(plain) && long.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (Radix(plain) is { } radixValue)
        {
            return JsonValue.Create(radixValue);
        }

        if (Float().IsMatch(plain) && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(text);
    }

    private static long? Radix(string text)
    {
        var negative = text.StartsWith('-');
        var body = text.TrimStart('+', '-');
        var (digits, radix) = body switch
        {
            _ when body.StartsWith("0x", StringComparison.Ordinal) => (body[2..], 16),
            _ when body.StartsWith("0b", StringComparison.Ordinal) => (body[2..], 2),
            _ when body.Length > 1 && body[0] == '0' && body.All(char.IsAsciiDigit) => (body[1..], 8),
            _ => (string.Empty, 0),
        };
        if (radix == 0 || digits.Length == 0)
        {
            return null;
        }

        try
        {
            var value = Convert.ToInt64(digits, radix);
            return negative ? -value : value;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[-+]?(0|[1-9][0-9]*)$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
