using System.Globalization;
using Velero.Api;

namespace Velero.Cli.Commands.Server;

/// <summary>
/// The value syntaxes of pflag's flag types, with Go's error texts, each turned into the form our configuration
/// binder reads.
/// </summary>
internal static class FlagValues
{
    public delegate bool Parser(string text, out string value, out string error);

    public static bool Duration(string text, out string value, out string error)
    {
        // Go's time.ParseDuration syntax; the binder reads TimeSpan's invariant form (d.hh:mm:ss.fffffff).
        var ok = GoDuration.TryParse(text, out var duration);
        value = ok ? duration.ToString("c", CultureInfo.InvariantCulture) : "";
        error = ok ? "" : $"time: invalid duration \"{text}\"";
        return ok;
    }

    public static bool Int(string text, out string value, out string error)
    {
        var ok = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number);
        value = ok ? number.ToString(CultureInfo.InvariantCulture) : "";
        error = ok ? "" : $"strconv.ParseInt: parsing \"{text}\": invalid syntax";
        return ok;
    }

    public static bool Uint(string text, out string value, out string error)
    {
        var ok = ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number);
        value = ok ? number.ToString(CultureInfo.InvariantCulture) : "";
        error = ok ? "" : $"strconv.ParseUint: parsing \"{text}\": invalid syntax";
        return ok;
    }

    public static bool Float(string text, out string value, out string error)
    {
        var ok = float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && float.IsFinite(number);
        value = ok ? number.ToString(CultureInfo.InvariantCulture) : "";
        error = ok ? "" : $"strconv.ParseFloat: parsing \"{text}\": invalid syntax";
        return ok;
    }

    /// <summary>Go's strconv.ParseBool spellings.</summary>
    public static bool Bool(string text, out string value, out string error)
    {
        bool? parsed = text switch
        {
            "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
            "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
            _ => null,
        };
        value = parsed is { } b ? (b ? "true" : "false") : "";
        error = parsed is null ? $"strconv.ParseBool: parsing \"{text}\": invalid syntax" : "";
        return parsed is not null;
    }

    public static bool String(string text, out string value, out string error)
    {
        value = text;
        error = "";
        return true;
    }

    /// <summary>pflag's string slices: comma-separated values.</summary>
    public static IReadOnlyList<string> SplitList(string text) =>
        text.Length == 0 ? [] : text.Split(',', StringSplitOptions.TrimEntries);
}
