using Velero.Api.V1;

namespace Velero.Selection.Hooks;

/// <summary>
/// An exec hook chosen for a pod. <paramref name="FromAnnotations"/> is upstream's hook source <c>annotation</c> (else
/// <c>spec</c>, with the spec hook's <paramref name="HookName"/> and <paramref name="Index"/> in its pre/post list).
/// An empty container means the pod's first container; a null timeout means the executor's default (30s).
/// </summary>
public sealed record PodExecHook(bool FromAnnotations, string HookName, int Index, ExecHook Exec);
