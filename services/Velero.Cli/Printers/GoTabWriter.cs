using System.Text;

namespace Velero.Cli.Printers;

/// <summary>
/// Go's <c>text/tabwriter</c> with space padding, as upstream's describer configures it (minwidth 0, padding 2):
/// tab-terminated cells of consecutive lines form a column block padded to its widest cell; a line's text after its
/// last tab is not part of any column, so a line without tabs ends every block above it.
/// </summary>
internal sealed class GoTabWriter(int minWidth = 0, int padding = 2)
{
    private readonly StringBuilder _pending = new();

    public void Write(string text) => _pending.Append(text);

    /// <summary>Lays out everything written so far.</summary>
    public string Flush()
    {
        var text = _pending.ToString();
        var endsWithNewline = text.EndsWith('\n');
        var lines = text.Split('\n').Select(l => l.Split('\t')).ToList();
        if (endsWithNewline)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var output = new StringBuilder();
        var widths = new List<int>();
        Format(lines, 0, lines.Count, widths, output);
        if (!endsWithNewline && output.Length > 0)
        {
            output.Length--;
        }

        return output.ToString();
    }

    private void Format(List<string[]> lines, int line0, int line1, List<int> widths, StringBuilder output)
    {
        var column = widths.Count;
        for (var current = line0; current < line1; current++)
        {
            if (column >= lines[current].Length - 1)
            {
                continue;
            }

            // A cell in this column starts a block: print the lines above it with the widths known so far.
            WriteLines(lines, line0, current, widths, output);
            line0 = current;
            var width = minWidth;
            for (; current < line1 && column < lines[current].Length - 1; current++)
            {
                width = Math.Max(width, lines[current][column].Length + padding);
            }

            widths.Add(width);
            Format(lines, line0, current, widths, output);
            widths.RemoveAt(widths.Count - 1);
            line0 = current;
            current--;
        }

        WriteLines(lines, line0, line1, widths, output);
    }

    private static void WriteLines(List<string[]> lines, int from, int to, List<int> widths, StringBuilder output)
    {
        for (var i = from; i < to; i++)
        {
            var cells = lines[i];
            for (var j = 0; j < cells.Length; j++)
            {
                output.Append(cells[j]);
                if (j < widths.Count && j < cells.Length - 1)
                {
                    output.Append(' ', Math.Max(0, widths[j] - cells[j].Length));
                }
            }

            output.Append('\n');
        }
    }
}
