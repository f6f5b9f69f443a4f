using System.Net.WebSockets;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Logging.Abstractions;
using Velero.Api;
using Velero.Api.V1;
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

    /// <summary>A CancellationTokenSource cannot wait longer; a longer hook timeout is treated as none.</summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly PodCommandExecutor _executor = new(client);
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

        if (pod.Phase is "Succeeded" or "Failed")
        {
            // Upstream returns no error here: the hook is recorded as run, not failed.
            _logger.LogInformation("Pod {Namespace}/{Pod} entered phase {Phase} before some {HookPhase} exec hooks ran; hook {Hook} not run",
                pod.Namespace, pod.Name, pod.Phase, Lower(phase), name);
            return null;
        }

        var timeout = Timeout(hook.Exec.Timeout);
        using var timer = timeout > TimeSpan.Zero && timeout <= LongestTimer
            ? new CancellationTokenSource(timeout, time)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        _logger.LogInformation("Running {HookPhase} exec hook {Hook} in container {Container} of pod {Namespace}/{Pod}",
            Lower(phase), name, container, pod.Namespace, pod.Name);
        try
        {
            var result = await _executor.ExecuteAsync(pod.Namespace, pod.Name, container, [.. command], linked.Token);
            // Output may carry anything the command prints, so it goes to debug logs only, never into errors.
            _logger.LogDebug("Hook {Hook} of pod {Namespace}/{Pod} stdout: {Stdout}; stderr: {Stderr}", name, pod.Namespace, pod.Name,
                result.Stdout, result.Stderr);
            return result.Succeeded ? null : Error(result.Reason);
        }
        catch (Exception e) when (e is not OperationCanceledException && ct.IsCancellationRequested)
        {
            // A socket aborted because the backup was cancelled reports the cancellation, not a hook failure.
            throw new OperationCanceledException("the backup was cancelled while a hook ran", e, ct);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException
                                  && timer.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return Error($"timed out after {GoDuration.Format(timeout)}");
        }
        catch (Exception e) when (e is HttpOperationException or KubernetesException or WebSocketException or HttpRequestException
                                  && !ct.IsCancellationRequested)
        {
            return Error(ApiError(e));
        }
    }

    private static string Describe(HookPhase phase, PodExecHook hook) => hook.FromAnnotations
        ? $"{Lower(phase)} hook {AnnotationHookName}"
        : $"{Lower(phase)} hook \"{hook.HookName}\" #{hook.Index}";

    private static string Lower(HookPhase phase) => phase == HookPhase.Pre ? "pre" : "post";

    // Unset or zero means the default, as upstream; the API validates the format, so an unreadable value also gets it.
    private static TimeSpan Timeout(string? value) =>
        GoDuration.TryParse(value, out var parsed) && parsed != TimeSpan.Zero ? parsed : DefaultTimeout;

    /// <summary>The API server's own message (its Status) where it sent one.</summary>
    private static string ApiError(Exception e) => e switch
    {
        // The API server answered the upgrade with an error status (404 for a pod gone since it was read, 403, ...).
        WebSocketException { WebSocketErrorCode: WebSocketError.NotAWebSocket } => $"the API server refused pods/exec: {e.Message}",
        HttpOperationException { Response.Content: { Length: > 0 } body } when StatusMessage(body) is { } message => message,
        KubernetesException { Status.Message: { Length: > 0 } message } => message,
        _ => e.Message,
    };

    private static string? StatusMessage(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["message"]?.GetValue<string>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
