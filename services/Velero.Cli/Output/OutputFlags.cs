using Velero.Cli.CommandLine;

namespace Velero.Cli.Output;

/// <summary>
/// Upstream's output flags (<c>output.BindFlags</c>): <c>-o/--output table|json|yaml</c>, <c>-L/--label-columns</c>,
/// <c>--show-labels</c>. On create commands a json or yaml output prints the object without submitting it.
/// </summary>
internal sealed class OutputFlags
{
    public const string Usage = "Output display format. For create commands, display the object but do not send it to the server. Valid formats are 'table', 'json', and 'yaml'. 'table' is not valid for the install command.";

    private OutputFlags(Flag<string> output, Flag<IReadOnlyList<string>>? labelColumns, Flag<bool>? showLabels)
    {
        Output = output;
        LabelColumns = labelColumns;
        ShowLabels = showLabels;
    }

    public Flag<string> Output { get; }
    public Flag<IReadOnlyList<string>>? LabelColumns { get; }
    public Flag<bool>? ShowLabels { get; }

    /// <summary>The format asked for, validated with upstream's message.</summary>
    public OutputFormat Format => Output.Value switch
    {
        "" or "table" => OutputFormat.Table,
        "json" => OutputFormat.Json,
        "yaml" => OutputFormat.Yaml,
        var other => throw new CliException($"invalid output format \"{other}\" - valid values are 'table', 'json', and 'yaml'"),
    };

    /// <summary>Whether <c>-o</c> was given: create commands then print instead of submitting.</summary>
    public bool Requested => Output.Changed && Output.Value.Length > 0;

    public IReadOnlyList<string> Labels => LabelColumns?.Value ?? [];
    public bool Show => ShowLabels?.Value ?? false;

    /// <summary><c>-o</c>, <c>-L</c> and <c>--show-labels</c>, on get and create commands.</summary>
    public static OutputFlags Bind(Command command) => new(
        command.Flags.String("output", "o", "table", Usage),
        command.Flags.StringSlice("label-columns", "L",
            "Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2..."),
        command.Flags.Bool("show-labels", null, false, "Show labels in the last column"));

    /// <summary>Only <c>-o</c> (upstream's BindFlagsSimple).</summary>
    public static OutputFlags BindSimple(Command command) =>
        new(command.Flags.String("output", "o", "table", Usage), null, null);
}
