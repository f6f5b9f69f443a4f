using Velero.Api.V1;

namespace Velero.Selection.Hooks;

/// <summary>
/// A post-restore exec hook chosen for a pod, as upstream's <c>PodExecRestoreHook</c>: <paramref name="HookName"/> is
/// the spec hook's name, or <c>&lt;from-annotation&gt;</c>; <paramref name="Index"/> its place in the spec hook's
/// <c>postHooks</c>. <paramref name="Exec"/> is a copy with the container always set (the pod's first container when
/// the hook names none) and <c>waitForReady</c> never null.
/// </summary>
public sealed record RestorePodExecHook(bool FromAnnotations, string HookName, int Index, ExecRestoreHook Exec);
