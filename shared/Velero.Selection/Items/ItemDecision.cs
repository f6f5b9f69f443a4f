namespace Velero.Selection.Items;

/// <summary>Whether an item goes into the backup and, when not, why (upstream's log line).</summary>
public sealed record ItemDecision(bool Include, string? Reason = null)
{
    public static ItemDecision Included { get; } = new(true);

    public static ItemDecision Excluded(string reason) => new(false, reason);
}
