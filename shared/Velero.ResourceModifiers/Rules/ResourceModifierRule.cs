namespace Velero.ResourceModifiers.Rules;

/// <summary>One of <c>resourceModifierRules</c>: conditions, and one kind of patch (upstream refuses two kinds in one rule).</summary>
public sealed record ResourceModifierRule
{
    public required ModifierConditions Conditions { get; init; }

    public IReadOnlyList<JsonPatchOperation> Patches { get; init; } = [];

    /// <summary>The <c>patchData</c> of each <c>mergePatches</c> entry: YAML or JSON.</summary>
    public IReadOnlyList<string> MergePatches { get; init; } = [];

    /// <summary>The <c>patchData</c> of each <c>strategicPatches</c> entry: YAML or JSON.</summary>
    public IReadOnlyList<string> StrategicPatches { get; init; } = [];
}
