using System.Text.Json.Nodes;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Velero.Api;
using Velero.Api.V1;
using Velero.Kubernetes.Exec;
using Velero.Restorer.Actions;
using Velero.Selection.Hooks;

namespace Velero.Restorer.Hooks;

/// <summary>
/// Post-restore exec hooks of one created pod (spec 5.5), as upstream's <c>GroupRestoreExecHooks</c> and
/// <c>DefaultWaitExecHookHandler</c> (<c>internal/hook/wait_exec_hook_handler.go</c>) run them: the pod's annotation
/// hook or its matching spec hooks, grouped by container; the pod is watched until each container is running (ready,
/// when one of its hooks asks <c>waitForReady</c>), for at most the longest <c>waitTimeout</c> (without limit when any
/// hook has none); then that container's hooks run in order with <c>execTimeout</c> (default 30s). A failed hook with
/// <c>onError: Fail</c> ends the waiting for the whole pod, as does the pod completing or being deleted; every hook left
/// is then a failure "not executed". Each hook is counted once in <see cref="RestoreItemContext.Hooks"/>, and each
/// failure is an error of the restore under the pod's namespace in upstream's words (its finalizer files the hook
/// tracker's errors so).
/// </summary>
public sealed class PostRestoreHookRunner(TimeProvider time, ILogger<PostRestoreHookRunner>? logger = null) : IPostRestoreHooks
{
    private static readonly TimeSpan DefaultExecTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A CancellationTokenSource cannot wait longer; a longer wait is treated as none.</summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public async Task RunAsync(RestoreItemContext context, JsonObject createdPod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(createdPod);
        var pod = PodTarget.Read(createdPod);
        var metadata = createdPod["metadata"] as JsonObject;
        var hooks = new RestoreHookResolver(context.Restore.Spec.Hooks?.Resources)
            .ExecHooksFor(pod.Namespace, Map(metadata?["labels"]), Map(metadata?["annotations"]), pod.Containers);
        if (hooks.Count == 0)
        {
            return;
        }

        var byContainer = new Dictionary<string, List<PendingExecHook>>();
        foreach (var hook in hooks.Select(h => new PendingExecHook(h)))
        {
            if (!byContainer.TryGetValue(hook.Container, out var list))
            {
                byContainer[hook.Container] = list = [];
            }

            list.Add(hook);
        }

        // Hooks for a container the pod lacks would wait forever; upstream discards them with a warning.
        foreach (var container in byContainer.Keys.Where(c => !pod.Containers.Contains(c)).ToList())
        {
            context.Log.Warn(pod.Namespace,
                $"Pod {pod.Namespace}/{pod.Name} does not have container {container}: discarding post-restore exec hooks");
            byContainer.Remove(container);
        }

        if (byContainer.Count == 0)
        {
            return;
        }

        var all = byContainer.Values.SelectMany(l => l).ToList();
        var run = new PodHookRun(context, pod, all);
        var maxWait = MaxWait(all);
        using var waitTimer = maxWait > TimeSpan.Zero && maxWait <= LongestTimer
            ? new CancellationTokenSource(maxWait, time)
            : new CancellationTokenSource();
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, waitTimer.Token);
        var waitStart = time.GetTimestamp();
        var executor = new PodCommandExecutor(context.Client, time);
        var ended = "context canceled";

        async ValueTask<bool> ObserveAsync(V1Pod? observed, CancellationToken _)
        {
            if (observed is null)
            {
                _logger.LogError("pod {Namespace}/{Pod} deleted before all hooks were executed", pod.Namespace, pod.Name);
                return true;
            }

            if (observed.Status?.Phase is "Succeeded" or "Failed")
            {
                _logger.LogWarning("pod entered phase {Phase} before some post-restore exec hooks ran (pod {Namespace}/{Pod})",
                    observed.Status.Phase, pod.Namespace, pod.Name);
                return true;
            }

            foreach (var (container, pending) in byContainer.ToList())
            {
                if (!IsUp(observed, container, pending))
                {
                    _logger.LogInformation("Container {Container} is not up: post-restore hooks will not yet be executed (pod {Namespace}/{Pod})",
                        container, pod.Namespace, pod.Name);
                    continue;
                }

                foreach (var hook in pending)
                {
                    hook.Executed = true;
                    var exec = hook.Hook.Exec;
                    if (GoDuration.TryParse(exec.WaitTimeout, out var waitTimeout) && waitTimeout != TimeSpan.Zero
                        && time.GetElapsedTime(waitStart) > waitTimeout)
                    {
                        run.Record(hook, $"hook {hook.Hook.HookName} in container {container} expired before executing");
                        if (exec.OnError == HookErrorMode.Fail)
                        {
                            return true;
                        }

                        // Upstream goes on to run the hook all the same; its result no longer changes the count.
                    }

                    // The command runs under the restore's token only: the wait timeout bounds waiting, not running.
                    var failure = await ExecuteAsync(executor, observed, hook, cancellationToken);
                    run.Record(hook, failure is null ? null : $"hook {hook.Hook.HookName} in container {container} failed to execute, err: {failure}");
                    if (failure is not null && exec.OnError == HookErrorMode.Fail)
                    {
                        return true;
                    }
                }

                byContainer.Remove(container);
            }

            return byContainer.Count == 0;
        }

        try
        {
            await new PodWatcher(context.Client, time).WatchAsync(pod.Namespace, pod.Name, ObserveAsync, waiting.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && waitTimer.IsCancellationRequested)
        {
            ended = "context deadline exceeded";
        }
        catch (Exception e) when (e is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The task only fails on cancellation: anything else leaves the remaining hooks not executed, with the reason.
            _logger.LogError(e, "Watching pod {Namespace}/{Pod} for its post-restore hooks failed", pod.Namespace, pod.Name);
            ended = e.Message;
        }

        // Hooks never taken up (the wait ran out, the pod ended or went, a Fail hook failed) are failures, as upstream.
        foreach (var hook in all.Where(h => !h.Executed))
        {
            run.Record(hook, $"hook {hook.Hook.HookName} in container {hook.Container} in pod {pod.Namespace}/{pod.Name} not executed: {ended}");
        }
    }

    /// <summary>Runs one hook as upstream's <c>ExecutePodCommand</c>; the executor's error, or null on success.</summary>
    private async Task<string?> ExecuteAsync(PodCommandExecutor executor, V1Pod observed, PendingExecHook hook, CancellationToken ct)
    {
        var exec = hook.Hook.Exec;
        if (exec.Command is not { Count: > 0 } command)
        {
            return "command is required";
        }

        var timeout = GoDuration.TryParse(exec.ExecTimeout, out var parsed) && parsed != TimeSpan.Zero ? parsed : DefaultExecTimeout;
        _logger.LogInformation("running exec hook {Hook} in container {Container} of pod {Namespace}/{Pod}", hook.Hook.HookName,
            hook.Container, observed.Metadata.NamespaceProperty, observed.Metadata.Name);
        var result = await executor.ExecuteAsync(observed.Metadata.NamespaceProperty, observed.Metadata.Name, hook.Container, [.. command],
            timeout, ct);
        // Output may carry anything the command prints, so it goes to debug logs only, never into errors.
        _logger.LogDebug("Hook {Hook} stdout: {Stdout}; stderr: {Stderr}", hook.Hook.HookName, result.Stdout, result.Stderr);
        if (!result.Succeeded)
        {
            _logger.LogError("Error executing hook {Hook}: {Reason}", hook.Hook.HookName, result.Reason);
        }

        return result.Succeeded ? null : result.Reason;
    }

    /// <summary>Upstream's <c>isContainerUp</c>: ready when any of the container's hooks waits for it, else running.</summary>
    private static bool IsUp(V1Pod pod, string container, List<PendingExecHook> hooks) =>
        hooks.Any(h => h.Hook.Exec.WaitForReady == true) ? ContainerState.IsReady(pod, container) : ContainerState.IsRunning(pod, container);

    /// <summary>Upstream's <c>maxHookWait</c>: the longest wait timeout, or zero (no limit) when any hook has none.</summary>
    private static TimeSpan MaxWait(IEnumerable<PendingExecHook> hooks)
    {
        var max = TimeSpan.Zero;
        foreach (var hook in hooks)
        {
            if (!GoDuration.TryParse(hook.Hook.Exec.WaitTimeout, out var wait) || wait <= TimeSpan.Zero)
            {
                return TimeSpan.Zero;
            }

            max = wait > max ? wait : max;
        }

        return max;
    }

    private static Dictionary<string, string> Map(JsonNode? node) =>
        (node as JsonObject ?? []).Where(p => p.Value is JsonValue v && v.TryGetValue<string>(out _))
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
}
