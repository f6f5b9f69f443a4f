using System.Text.Json.Nodes;

namespace Velero.Restorer.Actions;

/// <summary>
/// What an action decided for an item: the item to go on with, the backup's items to restore before it (upstream's
/// additional items; missing ones are a warning), and whether to skip it (upstream's <c>SkipRestore</c>).
/// </summary>
public sealed record RestoreItemActionResult(JsonObject Item)
{
    public IReadOnlyList<ItemReference> AdditionalItems { get; init; } = [];

    public bool Skip { get; init; }

    public static RestoreItemActionResult Continue(JsonObject item) => new(item);

    public static RestoreItemActionResult SkipItem(JsonObject item) => new(item) { Skip = true };
}
