namespace Velero.Snapshotter.Collection.Hooks;

/// <summary>
/// What running one phase's exec hooks on one pod came to, counted as upstream's hook tracker counts them for
/// <c>status.hookStatus</c>. <paramref name="Attempted"/> includes hooks left unrun after an <c>onError: Fail</c> hook
/// failed (upstream adds every selected hook to its tracker before deciding to run it); <paramref name="Failed"/>
/// counts hooks that ran and failed. <paramref name="SkipPod"/> is set when a pre hook with <c>onError: Fail</c> failed:
/// the pod is then not backed up. <paramref name="Errors"/> has one readable line per failed hook (phase, hook,
/// container, pod, reason), never the command or its output, which may hold secrets.
/// </summary>
public sealed record PodHookOutcome(int Attempted, int Failed, bool SkipPod, IReadOnlyList<string> Errors)
{
    public static PodHookOutcome None { get; } = new(0, 0, false, []);
}
