using Velero.Api;
using Velero.Api.V1;
using Velero.Selection.Resources;

namespace Velero.Selection.Hooks;

/// <summary>
/// Which backup exec hooks run for an item (spec 4.6, <c>HandleHooks</c> in <c>internal/hook/item_hook_handler.go</c>):
/// pods only; a pod's hook annotations take priority (for pre hooks the legacy unprefixed keys too); otherwise every
/// spec hook whose selector matches, in spec order.
/// </summary>
public sealed class BackupHookResolver(IEnumerable<BackupResourceHookSpec>? hooks, DiscoveryModel discovery)
{
    private const string CommandKey = "hook.backup.velero.io/command";
    private const string ContainerKey = "hook.backup.velero.io/container";
    private const string OnErrorKey = "hook.backup.velero.io/on-error";
    private const string TimeoutKey = "hook.backup.velero.io/timeout";

    private readonly List<(BackupResourceHookSpec Spec, HookSelector Selector)> _hooks =
        [.. (hooks ?? []).Select(h => (h, new HookSelector(h, discovery)))];

    public IReadOnlyList<PodExecHook> HooksFor(
        string groupResource,
        string ns,
        IReadOnlyDictionary<string, string>? labels,
        IReadOnlyDictionary<string, string>? annotations,
        HookPhase phase)
    {
        if (groupResource != KnownResources.Pods)
        {
            return [];
        }

        var fromAnnotations = FromAnnotations(annotations, phase == HookPhase.Pre ? "pre." : "post.")
            ?? (phase == HookPhase.Pre ? FromAnnotations(annotations, string.Empty) : null);
        if (fromAnnotations is not null)
        {
            return [new PodExecHook(true, string.Empty, 0, fromAnnotations)];
        }

        var result = new List<PodExecHook>();
        foreach (var (spec, selector) in _hooks.Where(h => h.Selector.AppliesTo(groupResource, ns, labels)))
        {
            var list = (phase == HookPhase.Pre ? spec.Pre : spec.Post) ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].Exec is { } exec)
                {
                    result.Add(new PodExecHook(false, selector.Name, i, exec));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The hook a pod's annotations define with <paramref name="prefix"/> (<c>pre.</c>, <c>post.</c> or legacy empty),
    /// or null without a command. An unknown on-error value is dropped and a bad timeout ignored, as upstream.
    /// </summary>
    public static ExecHook? FromAnnotations(IReadOnlyDictionary<string, string>? annotations, string prefix)
    {
        string? Get(string key) => annotations?.TryGetValue(prefix + key, out var value) == true && value.Length > 0 ? value : null;

        if (Get(CommandKey) is not { } command)
        {
            return null;
        }

        var onError = Get(OnErrorKey);
        var timeout = Get(TimeoutKey);
        return new ExecHook
        {
            Container = Get(ContainerKey) ?? string.Empty,
            Command = HookCommand.Parse(command),
            OnError = onError is HookErrorMode.Continue or HookErrorMode.Fail ? onError : null,
            Timeout = timeout is not null && GoDuration.TryParse(timeout, out var parsed) ? GoDuration.Format(parsed) : null,
        };
    }
}
