using System.Text.Json.Nodes;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;
using Velero.Api;
using Velero.Api.V1;
using Velero.Kubernetes.Exec;
using Velero.Selection.Hooks;

namespace Velero.Snapshotter.Collection.Hooks;

/// <summary>
/// Runs a pod's backup exec hooks of one phase, in order, as upstream's <c>DefaultItemHookHandler.HandleHooks</c>
/// (<c>internal/hook/item_hook_handler.go</c>) with <c>ExecutePodCommand</c> (<c>pkg/podexec</c>) does: the container
/// defaults to the pod's first container and a named one must be one of its containers; the timeout defaults to
/// 30s (a negative one waits without limit); a pod that has already Succeeded or Failed is passed over without an
/// error. A failed hook is an error whatever its <c>onError</c>; only an explicit <c>Fail</c> stops the pod's
/// remaining hooks and, for pre hooks, keeps the pod out of the backup.
/// </summary>
public sealed class PodHookRunner(IKubernetes client, TimeProvider time, ILogger<PodHookRunner>? logger = null)
{
    /// <summary>Upstream's hook name for a hook read from the pod's annotations.</summary>
    public const string AnnotationHookName = "<from-annotation>";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly PodCommandExecutor _executor = new(client, time);
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    /// <summary>Runs the hooks of one phase for one pod, in order, as upstream's item hook handler does.</summary>
    public async Task<PodHookOutcome> RunAsync(JsonObject pod, IReadOnlyList<PodExecHook> hooks, HookPhase phase, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(hooks);
        if (hooks.Count == 0)
        {
            return PodHookOutcome.None;
        }

        var target = PodTarget.Read(pod);
        var errors = new List<string>();
        // Upstream's hook tracker keys a hook by pod, container (as written), source, name, phase and index; a key seen
        // twice is counted once and only its first result is recorded.
        var attempted = new HashSet<(bool, string, int, string)>();
        var recorded = new HashSet<(bool, string, int, string)>();
        var failed = 0;
        var stop = false;
        foreach (var hook in hooks)
        {
            var key = (hook.FromAnnotations, hook.HookName, hook.Index, hook.Exec.Container ?? "");
            attempted.Add(key);
            if (stop)
            {
                // After an onError: Fail hook failed, the rest are counted as attempted but never run, as upstream.
                continue;
            }

            var failure = await RunOneAsync(target, hook, phase, ct);
            if (recorded.Add(key) && failure is not null)
            {
                failed++;
            }

            if (failure is not null)
            {
                errors.Add(failure);
                stop = hook.Exec.OnError == HookErrorMode.Fail;
            }
        }

        return new PodHookOutcome(attempted.Count, failed, stop && phase == HookPhase.Pre, errors);
    }

    /// <summary>Runs one hook; the readable error when it failed, else null.</summary>
    private async Task<string?> RunOneAsync(PodTarget pod, PodExecHook hook, HookPhase phase, CancellationToken ct)
    {
        var name = hook.FromAnnotations ? AnnotationHookName : hook.HookName;
        var container = hook.Exec.Container is { Length: > 0 } named ? named : (pod.Containers.Count > 0 ? pod.Containers[0] : "");
        string Error(string reason)
        {
            var error = $"{Describe(phase, hook)} in container \"{container}\" of pod {pod.Namespace}/{pod.Name} failed: {reason}";
            _logger.LogError("Error executing hook: {Error}", error);
            return error;
        }

        if (name.Length == 0)
        {
            return Error("hookName is required");
        }

        if (hook.Exec.Container is not { Length: > 0 } && pod.Containers.Count == 0)
        {
            return Error("need at least 1 container");
        }

        if (!pod.Containers.Contains(container))
        {
            return Error($"no such container: \"{container}\"");
        }

        if (hook.Exec.Command is not { Count: > 0 } command)
        {
            return Error("command is required");
        }

        if (pod.HasCompleted)
        {
            // Upstream returns no error here: the hook is recorded as run, not failed.
            _logger.LogInformation("Pod {Namespace}/{Pod} entered phase {Phase} before some {HookPhase} exec hooks ran; hook {Hook} not run",
                pod.Namespace, pod.Name, pod.Phase, Lower(phase), name);
            return null;
        }

        var timeout = Timeout(hook.Exec.Timeout);
        _logger.LogInformation("Running {HookPhase} exec hook {Hook} in container {Container} of pod {Namespace}/{Pod}",
            Lower(phase), name, container, pod.Namespace, pod.Name);
        var result = await _executor.ExecuteAsync(pod.Namespace, pod.Name, container, [.. command], timeout, ct);
        // Output may carry anything the command prints, so it goes to debug logs only, never into errors.
        _logger.LogDebug("Hook {Hook} of pod {Namespace}/{Pod} stdout: {Stdout}; stderr: {Stderr}", name, pod.Namespace, pod.Name,
            result.Stdout, result.Stderr);
        return result.Succeeded ? null : Error(result.Reason);
    }

    private static string Describe(HookPhase phase, PodExecHook hook) => hook.FromAnnotations
        ? $"{Lower(phase)} hook {AnnotationHookName}"
        : $"{Lower(phase)} hook \"{hook.HookName}\" #{hook.Index}";

    private static string Lower(HookPhase phase) => phase == HookPhase.Pre ? "pre" : "post";

    // Unset or zero means the default, as upstream; the API validates the format, so an unreadable value also gets it.
    private static TimeSpan Timeout(string? value) =>
        GoDuration.TryParse(value, out var parsed) && parsed != TimeSpan.Zero ? parsed : DefaultTimeout;
}
