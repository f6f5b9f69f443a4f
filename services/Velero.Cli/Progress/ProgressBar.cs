using System.Globalization;
using System.Text;

namespace Velero.Cli.Progress;

/// <summary>The text of one progress line: <c>[=====>    ] 1234/5000 items  InProgress  00:12</c>.</summary>
internal static class ProgressBar
{
    public const int Width = 30;

    public static string Bar(ProgressState state)
    {
        var filled = state.Total <= 0 ? 0 : (int)Math.Min(Width, (long)Math.Min(state.Done, state.Total) * Width / state.Total);
        var bar = new StringBuilder("[");
        if (filled == Width)
        {
            bar.Append('=', Width);
        }
        else if (filled > 0)
        {
            bar.Append('=', filled - 1).Append('>').Append(' ', Width - filled);
        }
        else
        {
            bar.Append(' ', Width);
        }

        return bar.Append(']').ToString();
    }

    /// <summary>The line redrawn in place on a terminal.</summary>
    public static string Line(ProgressState state, TimeSpan elapsed) =>
        $"{Bar(state)} {Items(state)}  {state.Phase}  {Elapsed(elapsed)}";

    /// <summary>The line printed now and then when output is not a terminal.</summary>
    public static string Plain(ProgressState state, TimeSpan elapsed) =>
        $"{Elapsed(elapsed)} {state.Phase}: {Items(state)}";

    public static string Items(ProgressState state) =>
        string.Create(CultureInfo.InvariantCulture, $"{state.Done}/{state.Total} items");

    /// <summary><c>mm:ss</c>, and <c>h:mm:ss</c> past an hour.</summary>
    public static string Elapsed(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.Zero)
        {
            elapsed = TimeSpan.Zero;
        }

        return elapsed.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours}:{elapsed.Minutes:00}:{elapsed.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{elapsed.Minutes:00}:{elapsed.Seconds:00}");
    }
}
