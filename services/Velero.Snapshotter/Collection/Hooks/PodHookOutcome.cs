namespace Velero.Snapshotter.Collection.Hooks;

/// <summary>
/// What running a pod's hooks of one phase did: hooks attempted and failed, whether the pod must not be backed up (a
/// failing pre hook with <c>onError: Fail</c>), and one message per failure.
/// </summary>
public sealed record PodHookOutcome(int Attempted, int Failed, bool SkipPod, IReadOnlyList<string> Errors);
