using System.Globalization;

namespace Velero.ResourceModifiers.Rules;

/// <summary>
/// One entry of a rule's <c>patches</c>. The value is a string in the ConfigMap; like upstream it is written into the
/// patch unquoted when it reads as JSON (a number, <c>true</c>/<c>false</c>, <c>null</c>, an object or array) and quoted
/// otherwise, and a value wrapped in double quotes is the string inside them (so <c>"\"true\""</c> is the string true).
/// </summary>
public sealed record JsonPatchOperation(string Operation, string From, string Path, string Value)
{
    /// <summary>The operation as upstream renders it before decoding the patch; the text is not escaped, as upstream does not.</summary>
    public string ToJson()
    {
        var value = Value;
        return AddQuotes(ref value)
            ? $$"""{"op": "{{Operation}}", "from": "{{From}}", "path": "{{Path}}", "value": "{{value}}"}"""
            : $$"""{"op": "{{Operation}}", "from": "{{From}}", "path": "{{Path}}", "value": {{value}}}""";
    }

    private static bool AddQuotes(ref string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        if (value.Length >= 2 && value.StartsWith('"') && value.EndsWith('"'))
        {
            value = value[1..^1];
            return true;
        }

        if (value == "null" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (value.StartsWith('{') || value.StartsWith('['))
        {
            return false;
        }

        return !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }
}
