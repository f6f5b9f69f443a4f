using System.Globalization;
using k8s.Models;
using Velero.Api;
using Velero.Cli.Output;
using Velero.Selection.Labels;

namespace Velero.Cli.Printers;

/// <summary>
/// Upstream's <c>output.Describer</c>: lines written with a prefix and tabs between label and value, aligned at the end by Go's
/// tabwriter (padding 2), maps and slices continued on following lines one tab in. Times print as Go's
/// <c>time.Time.String()</c> in the CLI's zone.
/// </summary>
internal sealed class Describer(TimeZoneInfo zone)
{
    public const string None = "<none>";
    private readonly GoTabWriter _out = new();

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>Written before every <see cref="Printf"/> and <see cref="Println"/> (upstream's <c>d.Prefix</c>).</summary>
    public string Prefix { get; set; } = "";

    public static string Describe(TimeZoneInfo zone, Action<Describer> describe)
    {
        var describer = new Describer(zone);
        describe(describer);
        return describer._out.Flush();
    }

    public void Printf(string text) => _out.Write(Prefix + text);

    public void Println(string text = "") => _out.Write(Prefix + text + "\n");

    public void DescribeMetadata(V1ObjectMeta metadata)
    {
        Printf($"Name:\t{metadata.Name}\n");
        Printf($"Namespace:\t{metadata.NamespaceProperty}\n");
        DescribeMap("Labels", metadata.Labels);
        DescribeMap("Annotations", metadata.Annotations);
    }

    /// <summary>Keys sorted, the first on the heading's line, the rest one tab in.</summary>
    public void DescribeMap(string name, IDictionary<string, string>? map)
    {
        Printf($"{name}:\t");
        if (map is null || map.Count == 0)
        {
            Printf(None + "\n");
            return;
        }

        var prefix = "";
        foreach (var (key, value) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Printf($"{prefix}{key}={value}\n");
            prefix = "\t";
        }
    }

    /// <summary>Upstream's DescribeSlice: <paramref name="indent"/> tabs before the heading.</summary>
    public void DescribeSlice(int indent, string name, IList<string>? items)
    {
        var tabs = new string('\t', indent);
        Printf($"{tabs}{name}:\t");
        if (items is null || items.Count == 0)
        {
            Printf($"{tabs}{None}\n");
            return;
        }

        var prefix = "";
        foreach (var item in items)
        {
            Printf($"{prefix}{item}\n");
            prefix = tabs + "\t";
        }
    }

    public string Time(DateTime? time) => Humanize.GoTime(time, Zone);

    /// <summary>Upstream's BoolPointerString.</summary>
    public static string Bool(bool? value, string whenFalse, string whenTrue, string whenNull) =>
        value is null ? whenNull : value.Value ? whenTrue : whenFalse;

    /// <summary>A stored Go duration as <c>time.Duration.String()</c> prints it; unset is <c>0s</c>.</summary>
    public static string Duration(string? value) =>
        GoDuration.TryParse(value, out var d) ? GoDuration.Format(d) : string.IsNullOrEmpty(value) ? "0s" : value;

    /// <summary><c>metav1.FormatLabelSelector</c>: nil and empty print <c>&lt;none&gt;</c>.</summary>
    public static string Selector(V1LabelSelector? selector) => selector is null ? None : LabelSelectors.Format(selector);

    public static string JoinOr(IList<string>? items, string empty) =>
        items is null || items.Count == 0 ? empty : string.Join(", ", items);

    public static string Int(int? value) => (value ?? 0).ToString(CultureInfo.InvariantCulture);
}
