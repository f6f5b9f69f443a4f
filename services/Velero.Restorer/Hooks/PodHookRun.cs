using Velero.Kubernetes.Exec;
using Velero.Restorer.Actions;

namespace Velero.Restorer.Hooks;

/// <summary>
/// The hook tracker of one pod's post-restore hooks, as upstream's <c>HookTracker</c> keeps it for the restore: a hook
/// key is counted once, and only its first result counts, so a hook whose wait expired stays failed whatever its run
/// then gives. A failure becomes an error of the restore under the pod's namespace.
/// </summary>
internal sealed class PodHookRun(RestoreItemContext context, PodTarget pod, IEnumerable<PendingExecHook> hooks)
{
    private readonly HashSet<(bool, string, int, string)> _pending = [.. hooks.Select(h => h.Key)];

    /// <summary>Records <paramref name="hook"/>'s result: <paramref name="error"/> when it failed, null when it succeeded.</summary>
    public void Record(PendingExecHook hook, string? error)
    {
        if (!_pending.Remove(hook.Key))
        {
            return;
        }

        context.Hooks.Record(error is not null);
        if (error is not null)
        {
            context.Log.Error(pod.Namespace, error);
        }
    }
}
