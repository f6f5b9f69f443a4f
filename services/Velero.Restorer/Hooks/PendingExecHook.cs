using Velero.Selection.Hooks;

namespace Velero.Restorer.Hooks;

/// <summary>
/// A post-restore exec hook of one pod while the runner waits on it: <see cref="Executed"/> is set once the runner has
/// taken it up (ran it, or found its wait expired), as upstream's <c>PodExecRestoreHook.executed</c>, so that what is
/// left when waiting ends is reported as not executed.
/// </summary>
internal sealed class PendingExecHook(RestorePodExecHook hook)
{
    public RestorePodExecHook Hook { get; } = hook;

    public string Container => Hook.Exec.Container ?? "";

    public bool Executed { get; set; }

    /// <summary>Upstream's hook tracker key within a pod: a key seen twice is counted once, and only its first result recorded.</summary>
    public (bool, string, int, string) Key => (Hook.FromAnnotations, Hook.HookName, Hook.Index, Container);
}
