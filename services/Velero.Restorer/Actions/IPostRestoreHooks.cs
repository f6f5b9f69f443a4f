using System.Text.Json.Nodes;

namespace Velero.Restorer.Actions;

/// <summary>
/// Post-restore exec hooks (spec 5.5): the engine hands over every pod it created, and waits for all the returned
/// tasks before the restore ends (upstream's finalizer waits the same way). Failures are counted in
/// <see cref="RestoreItemContext.Hooks"/> and logged to <see cref="RestoreItemContext.Log"/>; the task itself only
/// fails on cancellation.
/// </summary>
public interface IPostRestoreHooks
{
    Task RunAsync(RestoreItemContext context, JsonObject createdPod, CancellationToken cancellationToken);
}
