using System.Text;

namespace Velero.Cli.Output;

/// <summary>
/// A table as kubectl's printer lays it out through Go's tabwriter (minimum width 6, padding 3): every column but
/// the last padded to its widest cell plus three spaces. Columns from <c>-L</c> and <c>--show-labels</c> are
/// appended as the Kubernetes table printer appends them.
/// </summary>
internal sealed class TableWriter(IReadOnlyList<string> headers)
{
    private const int MinWidth = 6;
    private const int Padding = 3;
    private readonly List<IReadOnlyList<string>> _rows = [];

    public void AddRow(params string[] cells)
    {
        if (cells.Length != headers.Count)
        {
            throw new ArgumentException($"expected {headers.Count} cells, got {cells.Length}", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>Adds a row with the label columns filled from <paramref name="labels"/>.</summary>
    public void AddRow(IReadOnlyDictionary<string, string>? labels, OutputFlags flags, params string[] cells)
    {
        AddRow(cells);
        _rows[^1] = [.. cells, .. LabelCells(labels, flags)];
    }

    public string Render(OutputFlags? flags = null)
    {
        IReadOnlyList<string> header = [.. headers, .. LabelHeaders(flags)];
        var lines = new List<IReadOnlyList<string>> { header };
        lines.AddRange(_rows.Select(r => r.Count == header.Count ? r : [.. r, .. Enumerable.Repeat("", header.Count - r.Count)]));
        var widths = Enumerable.Range(0, header.Count - 1)
            .Select(c => Math.Max(MinWidth, lines.Max(l => l[c].Length) + Padding)).ToList();
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            for (var c = 0; c < line.Count - 1; c++)
            {
                text.Append(line[c].PadRight(widths[c]));
            }

            text.Append(line[^1]).Append('\n');
        }

        return text.ToString();
    }

    public Task WriteAsync(TextWriter output, OutputFlags? flags = null) => output.WriteAsync(Render(flags));

    private static IEnumerable<string> LabelHeaders(OutputFlags? flags) =>
        flags is null ? [] : flags.Labels.Select(l => l.ToUpperInvariant()).Concat(flags.Show ? ["LABELS"] : []);

    private static IEnumerable<string> LabelCells(IReadOnlyDictionary<string, string>? labels, OutputFlags flags)
    {
        foreach (var column in flags.Labels)
        {
            yield return labels is not null && labels.TryGetValue(column, out var value) ? value : "";
        }

        if (flags.Show)
        {
            yield return labels is null || labels.Count == 0
                ? "<none>"
                : string.Join(",", labels.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
        }
    }
}
