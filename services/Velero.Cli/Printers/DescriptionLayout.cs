using System.Text;

namespace Velero.Cli.Printers;

/// <summary>
/// Go's <c>text/tabwriter</c> with space padding and no flags, as upstream's describers use it
/// (<c>Init(buf, 0, 8, 2, ' ', 0)</c>): tab-terminated cells align in column blocks of consecutive lines that
/// have a cell in that column; the last cell of a line never aligns.
/// </summary>
internal static class DescriptionLayout
{
    public static string Format(string text, int minWidth = 0, int padding = 2)
    {
        var lines = text.Split('\n').Select(l => l.Split('\t')).ToList();
        var output = new StringBuilder();
        Format(output, lines, [], 0, lines.Count, minWidth, padding);
        // The split left an empty last line for text ending in a newline: drop its newline.
        return output.ToString(0, output.Length - 1);
    }

    private static void Format(StringBuilder output, List<string[]> lines, List<int> widths, int line0, int line1,
        int minWidth, int padding)
    {
        var column = widths.Count;
        for (var current = line0; current < line1; current++)
        {
            if (column >= lines[current].Length - 1)
            {
                continue;
            }

            // A cell exists in this column: print the lines before it, then size the block of lines that share it.
            WriteLines(output, lines, widths, line0, current);
            line0 = current;
            var width = minWidth;
            for (; current < line1 && column < lines[current].Length - 1; current++)
            {
                width = Math.Max(width, lines[current][column].Length + padding);
            }

            widths.Add(width);
            Format(output, lines, widths, line0, current, minWidth, padding);
            widths.RemoveAt(widths.Count - 1);
            line0 = current;
            current--;
        }

        WriteLines(output, lines, widths, line0, line1);
    }

    private static void WriteLines(StringBuilder output, List<string[]> lines, List<int> widths, int from, int to)
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
