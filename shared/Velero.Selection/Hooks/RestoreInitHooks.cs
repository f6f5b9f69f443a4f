using k8s.Models;

namespace Velero.Selection.Hooks;

/// <summary>
/// The init containers restore hooks add to a pod, in order, and whether they came from the pod's
/// <c>init.hook.restore.velero.io/*</c> annotations (which then replace every spec init hook) or from the Restore's
/// spec hooks.
/// </summary>
public sealed record RestoreInitHooks(bool FromAnnotations, IReadOnlyList<V1Container> Containers)
{
    public static RestoreInitHooks None { get; } = new(false, []);
}
