using k8s.Models;
using Velero.Api;
using Velero.Api.V1;
using Velero.Selection.Globs;
using Velero.Selection.Labels;

namespace Velero.Selection.Hooks;

/// <summary>
/// Which restore hooks apply to a pod (spec 5.5, <c>internal/hook/item_hook_handler.go</c>): the pod's annotations
/// take priority; otherwise every <c>spec.hooks.resources[]</c> entry whose namespaces and label selector match, in
/// spec order. Callers pass the namespace the pod is restored into: upstream matches spec hooks on the mapped namespace
/// (velero#4720). As upstream's <c>GetRestoreHooksFromSpec</c>, restore hooks apply to pods only and an entry's
/// <c>includedResources</c>/<c>excludedResources</c> are not consulted; an invalid label selector matches nothing.
/// </summary>
public sealed class RestoreHookResolver
{
    public const string AnnotationHookName = "<from-annotation>";

    private const string ContainerKey = "post.hook.restore.velero.io/container";
    private const string CommandKey = "post.hook.restore.velero.io/command";
    private const string OnErrorKey = "post.hook.restore.velero.io/on-error";
    private const string ExecTimeoutKey = "post.hook.restore.velero.io/exec-timeout";
    private const string WaitTimeoutKey = "post.hook.restore.velero.io/wait-timeout";
    private const string WaitForReadyKey = "post.hook.restore.velero.io/wait-for-ready";
    private const string InitImageKey = "init.hook.restore.velero.io/container-image";
    private const string InitNameKey = "init.hook.restore.velero.io/container-name";
    private const string InitCommandKey = "init.hook.restore.velero.io/command";

    private readonly List<(RestoreResourceHookSpec Spec, IncludesExcludes Namespaces)> _hooks;

    public RestoreHookResolver(IEnumerable<RestoreResourceHookSpec>? hooks) =>
        _hooks = [.. (hooks ?? []).Select(h => (h, new IncludesExcludes(h.IncludedNamespaces, h.ExcludedNamespaces)))];

    /// <summary>
    /// The exec hooks to run in a restored pod, as upstream's <c>GroupRestoreExecHooks</c> chooses them (before grouping
    /// by container): none for a pod without containers; the annotation hook alone if the pod has one; else each
    /// matching spec exec hook. <paramref name="containers"/> are the pod's <c>spec.containers</c> names, in order.
    /// </summary>
    public IReadOnlyList<RestorePodExecHook> ExecHooksFor(string targetNamespace, IReadOnlyDictionary<string, string>? labels,
        IReadOnlyDictionary<string, string>? annotations, IReadOnlyList<string> containers)
    {
        ArgumentNullException.ThrowIfNull(containers);
        if (containers.Count == 0)
        {
            return [];
        }

        if (ExecFromAnnotations(annotations) is { } annotated)
        {
            annotated.Container = annotated.Container is { Length: > 0 } ? annotated.Container : containers[0];
            return [new RestorePodExecHook(true, AnnotationHookName, 0, annotated)];
        }

        var result = new List<RestorePodExecHook>();
        foreach (var spec in Matching(targetNamespace, labels))
        {
            var list = spec.PostHooks ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].Exec is not { } exec)
                {
                    continue;
                }

                // A copy: the defaults are per pod and the spec is shared by every pod of the restore.
                var copy = new ExecRestoreHook
                {
                    Container = exec.Container is { Length: > 0 } ? exec.Container : containers[0],
                    Command = exec.Command,
                    OnError = exec.OnError,
                    ExecTimeout = exec.ExecTimeout,
                    WaitTimeout = exec.WaitTimeout,
                    WaitForReady = exec.WaitForReady ?? false,
                };
                result.Add(new RestorePodExecHook(false, spec.Name ?? string.Empty, i, copy));
            }
        }

        return result;
    }

    /// <summary>
    /// The init containers to add to a pod, as upstream's <c>InitContainerRestoreHookHandler</c> chooses them: the
    /// annotation's container if <c>init.hook.restore.velero.io/container-image</c> is set (named
    /// <c>velero-restore-init-&lt;</c><paramref name="randomSegment"/><c>&gt;</c> when it has no name), else every init
    /// container of every matching spec hook, in spec order. Spec containers are returned as the spec holds them;
    /// <see cref="Validation.RestoreHookValidator.InvalidInitContainer"/> says which upstream refuses.
    /// </summary>
    public RestoreInitHooks InitHooksFor(string targetNamespace, IReadOnlyDictionary<string, string>? labels,
        IReadOnlyDictionary<string, string>? annotations, Func<string> randomSegment)
    {
        ArgumentNullException.ThrowIfNull(randomSegment);
        string? Get(string key) => annotations?.TryGetValue(key, out var value) == true && value.Length > 0 ? value : null;

        if (Get(InitImageKey) is { } image)
        {
            var command = Get(InitCommandKey);
            return new RestoreInitHooks(true,
            [
                new V1Container
                {
                    Image = image,
                    Name = Get(InitNameKey) ?? $"velero-restore-init-{randomSegment()}",
                    // Without a command the image's entrypoint runs, as upstream's log line says it does.
                    Command = command is null ? null : HookCommand.Parse(command),
                },
            ]);
        }

        var containers = Matching(targetNamespace, labels)
            .SelectMany(s => s.PostHooks ?? [])
            .SelectMany(h => h.Init?.InitContainers ?? [])
            .ToList();
        return containers.Count == 0 ? RestoreInitHooks.None : new RestoreInitHooks(false, containers);
    }

    /// <summary>
    /// The exec hook a pod's <c>post.hook.restore.velero.io/*</c> annotations define, or null without a command, as
    /// upstream's <c>getPodExecRestoreHookFromAnnotations</c>: an unknown on-error value is dropped, an unreadable
    /// timeout ignored, and an unreadable wait-for-ready is false.
    /// </summary>
    public static ExecRestoreHook? ExecFromAnnotations(IReadOnlyDictionary<string, string>? annotations)
    {
        string? Get(string key) => annotations?.TryGetValue(key, out var value) == true && value.Length > 0 ? value : null;

        if (Get(CommandKey) is not { } command)
        {
            return null;
        }

        var onError = Get(OnErrorKey);
        return new ExecRestoreHook
        {
            Container = Get(ContainerKey) ?? string.Empty,
            Command = HookCommand.Parse(command),
            OnError = onError is HookErrorMode.Continue or HookErrorMode.Fail ? onError : null,
            ExecTimeout = Duration(Get(ExecTimeoutKey)),
            WaitTimeout = Duration(Get(WaitTimeoutKey)),
            WaitForReady = Get(WaitForReadyKey) is { } ready && GoBool(ready),
        };
    }

    private IEnumerable<RestoreResourceHookSpec> Matching(string targetNamespace, IReadOnlyDictionary<string, string>? labels) =>
        _hooks.Where(h => h.Namespaces.ShouldInclude(targetNamespace)
                          && (h.Spec.LabelSelector is null || LabelSelectors.Matches(h.Spec.LabelSelector, labels)))
            .Select(h => h.Spec);

    private static string? Duration(string? value) =>
        value is not null && GoDuration.TryParse(value, out var parsed) ? GoDuration.Format(parsed) : null;

    /// <summary>Go's <c>strconv.ParseBool</c>; what it refuses reads as false, as upstream leaves it.</summary>
    private static bool GoBool(string value) => value is "1" or "t" or "T" or "true" or "TRUE" or "True";
}
