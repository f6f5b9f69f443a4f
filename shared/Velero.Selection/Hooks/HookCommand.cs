using System.Text.Json;

namespace Velero.Selection.Hooks;

/// <summary>A hook command written in an annotation, as upstream's <c>parseStringToCommand</c> reads it.</summary>
public static class HookCommand
{
    /// <summary>A JSON array of strings is the argv; anything else (including bad JSON) is one argument.</summary>
    public static List<string> Parse(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (value[0] == '[')
        {
            try
            {
                if (JsonSerializer.Deserialize<List<string>>(value) is { } argv)
                {
                    return argv;
                }
            }
            catch (JsonException)
            {
                // Falls through to the single-argument form, as upstream does.
            }
        }

        return [value];
    }
}
