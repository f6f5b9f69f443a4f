using System.Text;
using k8s.Models;

namespace Velero.Cli.Printers;

/// <summary>
/// Upstream's <c>output.Describer</c>: text written with tabs and a line prefix, laid out at the end through Go's
/// tabwriter (padding 2), so <c>Name:\tx</c> lines align as <c>velero ... describe</c> prints them.
/// </summary>
internal sealed class DescriptionWriter
{
    private readonly StringBuilder _text = new();

    /// <summary>Written before every <see cref="Printf"/> and <see cref="Println"/> (upstream's <c>d.Prefix</c>).</summary>
    public string Prefix { get; set; } = "";

    public static string Describe(Action<DescriptionWriter> describe)
    {
        var writer = new DescriptionWriter();
        describe(writer);
        var layout = new GoTabWriter();
        layout.Write(writer._text.ToString());
        return layout.Flush();
    }

    public void Printf(string text) => _text.Append(Prefix).Append(text);

    public void Println(string text = "") => _text.Append(Prefix).Append(text).Append('\n');

    /// <summary>Name, namespace, labels and annotations, as every describe view starts.</summary>
    public void DescribeMetadata(V1ObjectMeta metadata)
    {
        Printf($"Name:\t{metadata.Name}\n");
        Printf($"Namespace:\t{metadata.NamespaceProperty}\n");
        DescribeMap("Labels", metadata.Labels);
        DescribeMap("Annotations", metadata.Annotations);
    }

    /// <summary><c>Labels:\ta=b</c>, further pairs on their own lines in the value column, sorted by key.</summary>
    public void DescribeMap(string name, IDictionary<string, string>? map)
    {
        Printf($"{name}:\t");
        if (map is null || map.Count == 0)
        {
            Printf("<none>\n");
            return;
        }

        var prefix = "";
        foreach (var (key, value) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Printf($"{prefix}{key}={value}\n");
            prefix = "\t";
        }
    }

    /// <summary>Upstream's BoolPointerString.</summary>
    public static string BoolText(bool? value, string falseText, string trueText, string nullText) =>
        value switch { null => nullText, true => trueText, false => falseText };
}
