namespace Velero.ResourceModifiers;

/// <summary>
/// Resource modifiers that cannot be read or validated (the message is upstream's), or a rule that failed on an item:
/// then <see cref="RuleIndex"/> names the rule, counted from 0 in the ConfigMap's order.
/// </summary>
public sealed class ResourceModifierException : Exception
{
    public ResourceModifierException()
    {
    }

    public ResourceModifierException(string message)
        : base(message)
    {
    }

    public ResourceModifierException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ResourceModifierException(int ruleIndex, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        RuleIndex = ruleIndex;
    }

    /// <summary>The rule that failed on an item, or null for an error of the rules themselves.</summary>
    public int? RuleIndex { get; }
}
