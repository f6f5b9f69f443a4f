using System.Text.Json.Nodes;
using k8s;
using Velero.Api;
using Velero.Api.V1;
using Velero.Selection.Hooks;

namespace Velero.Snapshotter.Collection.Hooks;

/// <summary>
/// Runs a pod's backup exec hooks in order through <c>pods/exec</c> (spec 4.6): the container defaults to the pod's
/// first, the timeout to 30s; a failure is reported, and only <c>onError: Fail</c> stops the remaining hooks (and, for
/// pre hooks, the pod's backup).
/// </summary>
public sealed class PodHookRunner(IKubernetes client, TimeProvider time)
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public async Task<PodHookOutcome> RunAsync(JsonObject pod, IReadOnlyList<PodExecHook> hooks, HookPhase phase, CancellationToken ct)
    {
        var ns = (string?)pod["metadata"]?["namespace"] ?? "";
        var name = (string?)pod["metadata"]?["name"] ?? "";
        var containers = (pod["spec"]?["containers"] as JsonArray ?? [])
            .Select(c => (string?)c?["name"]).OfType<string>().ToList();
        var attempted = 0;
        var failed = 0;
        var errors = new List<string>();
        foreach (var hook in hooks)
        {
            attempted++;
            var error = await ExecAsync(ns, name, containers, hook.Exec, ct);
            if (error is null)
            {
                continue;
            }

            failed++;
            var source = hook.FromAnnotations ? "<from-annotation>" : hook.HookName;
            errors.Add($"{phase.ToString().ToLowerInvariant()} hook {source} in pod {ns}/{name} failed: {error}");
            if (hook.Exec.OnError == HookErrorMode.Fail)
            {
                return new PodHookOutcome(attempted, failed, phase == HookPhase.Pre, errors);
            }
        }

        return new PodHookOutcome(attempted, failed, false, errors);
    }

    private async Task<string?> ExecAsync(string ns, string pod, List<string> containers, ExecHook hook, CancellationToken ct)
    {
        var container = string.IsNullOrEmpty(hook.Container) ? containers.FirstOrDefault() : hook.Container;
        if (container is null || !containers.Contains(container, StringComparer.Ordinal))
        {
            return $"no such container: \"{container}\"";
        }

        if (hook.Command is not { Count: > 0 } command)
        {
            return "command is required";
        }

        var timeout = GoDuration.TryParse(hook.Timeout, out var parsed) && parsed > TimeSpan.Zero ? parsed : DefaultTimeout;
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try
        {
            var stderr = "";
            var code = await client.NamespacedPodExecAsync(pod, ns, container, command, false,
                async (_, _, error) => stderr = await new StreamReader(error).ReadToEndAsync(linked.Token), linked.Token);
            return code == 0 ? null : $"command terminated with exit code {code}{(stderr.Length > 0 ? ": " + stderr.Trim() : "")}";
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return $"timed out after {GoDuration.Format(timeout)}";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return e.Message;
        }
    }
}
