namespace Velero.Cli.Selectors;

/// <summary>One parsed requirement of a label selector: operator as apimachinery's <c>selection.Operator</c> spells it.</summary>
internal sealed record SelectorRequirement(string Key, string Operator, IReadOnlyList<string> Values)
{
    /// <summary>apimachinery's <c>Requirement.String()</c>: <c>a=b</c>, <c>a in (x,y)</c>, <c>!a</c>.</summary>
    public override string ToString() => Operator switch
    {
        "exists" => Key,
        "!" => "!" + Key,
        "in" or "notin" => $"{Key} {Operator} ({string.Join(",", Values)})",
        "gt" => $"{Key}>{Values[0]}",
        "lt" => $"{Key}<{Values[0]}",
        _ => Key + Operator + Values[0],
    };
}
