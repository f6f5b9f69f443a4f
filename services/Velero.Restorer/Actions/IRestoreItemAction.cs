using System.Text.Json.Nodes;

namespace Velero.Restorer.Actions;

/// <summary>
/// A restore item action (spec 5.4, upstream's RestoreItemAction v2): it sees each item of the types it applies to after
/// the metadata is stripped and before the item is created, and may change it, ask for other items of the backup to be
/// restored first, or have it skipped. Actions are stateless; what a restore configures reaches them through the context.
/// </summary>
public interface IRestoreItemAction
{
    /// <summary>Upstream's registered name, such as <c>velero.io/pod</c>; it appears in the restore log.</summary>
    string Name { get; }

    /// <summary>Whether the action runs for items of <paramref name="groupResource"/> (<c>pods</c>, <c>rolebindings.rbac.authorization.k8s.io</c>).</summary>
    bool AppliesTo(string groupResource);

    /// <summary>
    /// Runs on one item. <paramref name="item"/> may be changed in place or replaced in the result. An exception is an error
    /// on this item only: it is not created, and the restore goes on.
    /// </summary>
    ValueTask<RestoreItemActionResult> ExecuteAsync(RestoreItemContext context, JsonObject item, CancellationToken cancellationToken);
}
