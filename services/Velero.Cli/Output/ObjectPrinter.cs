using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace Velero.Cli.Output;

/// <summary>
/// Prints resources as upstream's <c>-o json|yaml</c> does: a list of one prints just the item, several print as
/// a typed list (<c>BackupList</c>, <c>apiVersion velero.io/v1</c>); JSON indented by two spaces, and the blank
/// line Go's <c>fmt.Println</c> adds after the encoder's own newline.
/// </summary>
internal static class ObjectPrinter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Task PrintAsync<T>(TextWriter output, OutputFormat format, T item) =>
        output.WriteAsync(Encode(item, format) + "\n");

    /// <param name="listKind">The list's kind, e.g. <c>BackupList</c>.</param>
    /// <param name="apiVersion">The list's apiVersion, <c>velero.io/v1</c> for Velero's types.</param>
    public static Task PrintListAsync<T>(TextWriter output, OutputFormat format, IReadOnlyList<T> items, string listKind,
        string apiVersion = "velero.io/v1")
    {
        if (items.Count == 1)
        {
            return PrintAsync(output, format, items[0]);
        }

        var list = new JsonObject
        {
            ["kind"] = listKind,
            ["apiVersion"] = apiVersion,
            ["metadata"] = new JsonObject(),
            ["items"] = new JsonArray([.. items.Select(i => JsonNode.Parse(KubernetesJson.Serialize(i)))]),
        };
        return output.WriteAsync(EncodeNode(list, format) + "\n");
    }

    public static string Encode<T>(T item, OutputFormat format) =>
        EncodeNode(JsonNode.Parse(KubernetesJson.Serialize(item))!, format);

    private static string EncodeNode(JsonNode node, OutputFormat format) => format switch
    {
        OutputFormat.Json => node.ToJsonString(Indented) + "\n",
        OutputFormat.Yaml => YamlEmitter.Emit(node),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "tables are printed by the command's printer"),
    };
}
