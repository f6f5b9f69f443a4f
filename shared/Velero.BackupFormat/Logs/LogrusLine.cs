using System.Globalization;
using System.Text;

namespace Velero.BackupFormat.Logs;

/// <summary>
/// One line of a backup or restore log in logrus' text format, as upstream writes them into <c>*-logs.gz</c>:
/// <c>time="…" level=… msg=… &lt;key&gt;=&lt;value&gt;…</c>, with values quoted as logrus quotes them.
/// </summary>
public static class LogrusLine
{
    /// <summary>
    /// Appends a line (with its newline). <paramref name="fields"/> follow the message in the order given; empty
    /// values are left out.
    /// </summary>
    public static void Append(StringBuilder text, DateTimeOffset time, string level, string message,
        params ReadOnlySpan<(string Key, string? Value)> fields)
    {
        ArgumentNullException.ThrowIfNull(text);
        text.Append("time=\"").Append(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append('"')
            .Append(" level=").Append(level)
            .Append(" msg=").Append(Quote(message));
        foreach (var (key, value) in fields)
        {
            if (!string.IsNullOrEmpty(value))
            {
                text.Append(' ').Append(key).Append('=').Append(Quote(value));
            }
        }

        text.Append('\n');
    }

    /// <summary>logrus quotes a value when it holds anything beyond letters, digits and <c>-._/@^+</c>.</summary>
    public static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "-._/@^+".Contains(c, StringComparison.Ordinal))
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
                .Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
