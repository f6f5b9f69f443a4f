using k8s;
using Velero.Api.V1;
using Velero.KubeEmulator.Exec;
using Velero.Restorer.Actions;
using Velero.Restorer.Hooks;
using static Velero.Restorer.Tests.Hooks.HookContexts;

namespace Velero.Restorer.Tests.Hooks;

/// <summary>
/// Post-restore exec hooks on the Kubernetes API emulator, with the semantics of upstream's <c>GroupRestoreExecHooks</c>
/// and <c>DefaultWaitExecHookHandler</c> (<c>internal/hook/wait_exec_hook_handler.go</c>) and the errors its restore
/// finalizer files from the hook tracker.
/// </summary>
public sealed class PostRestoreHookRunnerTests(RestoreHookCluster cluster) : IClassFixture<RestoreHookCluster>
{
    private const string Ns = RestoreHookCluster.Namespace;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static PostRestoreHookRunner Runner() => new(TimeProvider.System);

    private static RestoreResourceHookSpec Spec(string name, string[]? namespaces, params ExecRestoreHook[] hooks) => new()
    {
        Name = name,
        IncludedNamespaces = namespaces,
        PostHooks = [.. hooks.Select(h => new RestoreResourceHook { Exec = h })],
    };

    private static ExecRestoreHook Exec(string[] command, string? container = null, string? onError = null, string? execTimeout = null,
        string? waitTimeout = null, bool? waitForReady = null) => new()
    {
        Command = command, Container = container, OnError = onError, ExecTimeout = execTimeout, WaitTimeout = waitTimeout,
        WaitForReady = waitForReady,
    };

    private static (int Attempted, int Failed) Counts(RestoreItemContext context) => (context.Hooks.Attempted, context.Hooks.Failed);

    [Fact]
    public async Task An_annotation_hook_waits_for_its_container_to_run_then_runs_in_the_first_container()
    {
        var pod = await cluster.CreatePodAsync("ann-wait", new() { ["post.hook.restore.velero.io/command"] = "[\"warm-cache\"]" });
        var context = For(cluster.Client, pod);

        var run = Runner().RunAsync(context, pod, CancellationToken.None);
        await Task.Delay(500);
        Assert.False(run.IsCompleted);
        Assert.Empty(cluster.RunIn("ann-wait"));

        await cluster.SetStatusAsync("ann-wait", "Running", ("app", true, false), ("sidecar", false, false));
        await run.WaitAsync(Patience);

        var invocation = Assert.Single(cluster.RunIn("ann-wait"));
        Assert.Equal((Ns, "app"), (invocation.Namespace, invocation.Container));
        Assert.Equal(["warm-cache"], invocation.Command);
        Assert.Equal((1, 0), Counts(context));
        Assert.Empty(Errors(context));
    }

    [Fact]
    public async Task Annotation_hooks_replace_spec_hooks_and_take_container_and_timeouts_from_annotations()
    {
        var pod = await cluster.CreatePodAsync("ann-over-spec", new()
        {
            ["post.hook.restore.velero.io/command"] = "reindex",
            ["post.hook.restore.velero.io/container"] = "sidecar",
            ["post.hook.restore.velero.io/wait-timeout"] = "1m",
        });
        var context = For(cluster.Client, pod, Spec("warm", null, Exec(["warm-cache"])));
        await cluster.RunningAsync("ann-over-spec");

        await Runner().RunAsync(context, pod, CancellationToken.None).WaitAsync(Patience);

        var invocation = Assert.Single(cluster.RunIn("ann-over-spec"));
        Assert.Equal(("sidecar", "reindex"), (invocation.Container, invocation.Command.Single()));
        Assert.Equal((1, 0), Counts(context));
    }

    [Fact]
    public async Task Spec_hooks_match_the_mapped_namespace_and_run_in_spec_order_per_container()
    {
        var pod = await cluster.CreatePodAsync("spec-mapped");
        var context = For(cluster.Client, pod,
            Spec("on-source-namespace", ["shop"], Exec(["false"])),
            Spec("on-target-namespace", [Ns], Exec(["warm-cache"]), Exec(["reindex"], container: "sidecar"), Exec(["reindex"])));
        await cluster.RunningAsync("spec-mapped");

        await Runner().RunAsync(context, pod, CancellationToken.None).WaitAsync(Patience);

        var runs = cluster.RunIn("spec-mapped");
        Assert.Equal(["app:warm-cache", "app:reindex"], runs.Where(r => r.Container == "app").Select(r => $"{r.Container}:{r.Command[0]}"));
        Assert.Equal("sidecar:reindex", Assert.Single(runs, r => r.Container == "sidecar") is var s ? $"{s.Container}:{s.Command[0]}" : "");
        Assert.Equal((3, 0), Counts(context));
    }

    [Fact]
    public async Task With_on_error_continue_a_failed_hook_is_an_error_and_the_next_hook_still_runs()
    {
        var pod = await cluster.CreatePodAsync("continue");
        var context = For(cluster.Client, pod, Spec("check", null, Exec(["false"], onError: HookErrorMode.Continue), Exec(["warm-cache"])));
        await cluster.RunningAsync("continue");

        await Runner().RunAsync(context, pod, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(["false", "warm-cache"], cluster.RunIn("continue").Select(r => r.Command[0]));
        Assert.Equal((2, 1), Counts(context));
        var error = Assert.Single(Errors(context));
        Assert.Equal("hook check in container app failed to execute, err: command terminated with exit code 1", error);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_on_error_fail_a_failed_hook_stops_the_pods_remaining_hooks_which_count_as_failed_not_executed()
    {
        var pod = await cluster.CreatePodAsync("fail");
        var context = For(cluster.Client, pod, Spec("check", null, Exec(["false"], onError: HookErrorMode.Fail), Exec(["warm-cache"])));
        await cluster.RunningAsync("fail");

        await Runner().RunAsync(context, pod, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(["false"], cluster.RunIn("fail").Select(r => r.Command[0]));
        Assert.Equal((2, 2), Counts(context));
        Assert.Equal(
        [
            "hook check in container app failed to execute, err: command terminated with exit code 1",
            $"hook check in container app in pod {Ns}/fail not executed: context canceled",
        ], Errors(context));
    }

    [Fact]
    public async Task A_hook_running_past_its_exec_timeout_fails_with_upstreams_timeout_error()
    {
        cluster.Emulator.Exec.Register(new ExecScript(["slow-migrate"], new ExecResult("") { Duration = TimeSpan.FromSeconds(30) }));
        var pod = await cluster.CreatePodAsync("exec-timeout");
        var context = For(cluster.Client, pod, Spec("migrate", null, Exec(["slow-migrate"], execTimeout: "500ms")));
        await cluster.RunningAsync("exec-timeout");

        await Runner().RunAsync(context, pod, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal((1, 1), Counts(context));
        Assert.Equal("hook migrate in container app failed to execute, err: timed out after 500ms", Assert.Single(Errors(context)));
    }

    [Fact]
    public async Task A_container_that_never_runs_within_the_wait_timeout_leaves_its_hook_not_executed()
    {
        var pod = await cluster.CreatePodAsync("never-runs");
        var context = For(cluster.Client, pod, Spec("warm", null, Exec(["warm-cache"], waitTimeout: "1s")));
        await cluster.SetStatusAsync("never-runs", "Pending", ("app", false, false), ("sidecar", false, false));

        await Runner().RunAsync(context, pod, CancellationToken.None).WaitAsync(Patience);

        Assert.Empty(cluster.RunIn("never-runs"));
        Assert.Equal((1, 1), Counts(context));
        Assert.Equal($"hook warm in container app in pod {Ns}/never-runs not executed: context deadline exceeded", Assert.Single(Errors(context)));
    }

    [Fact]
    public async Task A_hook_whose_own_wait_timeout_passed_before_its_container_ran_fails_as_expired_but_still_runs_as_upstream()
    {
        var pod = await cluster.CreatePodAsync("expired");
        var context = For(cluster.Client, pod, Spec("warm", null,
            Exec(["reindex"], container: "sidecar", waitTimeout: "500ms"),
            Exec(["warm-cache"], waitTimeout: "3s")));

        var run = Runner().RunAsync(context, pod, CancellationToken.None);
        await Task.Delay(1200);
        await cluster.SetStatusAsync("expired", "Running", ("app", false, false), ("sidecar", true, true));
        await run.WaitAsync(Patience);

        Assert.Equal(["sidecar:reindex"], cluster.RunIn("expired").Select(r => $"{r.Container}:{r.Command[0]}"));
        Assert.Equal((2, 2), Counts(context));
        Assert.Equal(
        [
            "hook warm in container sidecar expired before executing",
            $"hook warm in container app in pod {Ns}/expired not executed: context deadline exceeded",
        ], Errors(context));
    }

    [Fact]
    public async Task Wait_for_ready_holds_a_hook_back_while_its_container_runs_unready()
    {
        var pod = await cluster.CreatePodAsync("not-ready", new()
        {
            ["post.hook.restore.velero.io/command"] = "warm-cache",
            ["post.hook.restore.velero.io/wait-for-ready"] = "true",
            ["post.hook.restore.velero.io/wait-timeout"] = "1s",
        });
        var context = For(cluster.Client, pod);
        await cluster.SetStatusAsync("not-ready", "Running", ("app", true, false), ("sidecar", true, true));

        await Runner().RunAsync(context, pod, CancellationToken.None).WaitAsync(Patience);

        Assert.Empty(cluster.RunIn("not-ready"));
        Assert.Equal($"hook <from-annotation> in container app in pod {Ns}/not-ready not executed: context deadline exceeded",
            Assert.Single(Errors(context)));
    }

    [Fact]
    public async Task Wait_for_ready_runs_the_hook_once_the_container_is_ready()
    {
        var pod = await cluster.CreatePodAsync("ready", new()
        {
            ["post.hook.restore.velero.io/command"] = "warm-cache",
            ["post.hook.restore.velero.io/wait-for-ready"] = "true",
        });
        var context = For(cluster.Client, pod);
        await cluster.SetStatusAsync("ready", "Running", ("app", true, false), ("sidecar", true, true));

        var run = Runner().RunAsync(context, pod, CancellationToken.None);
        await Task.Delay(500);
        Assert.Empty(cluster.RunIn("ready"));
        await cluster.SetStatusAsync("ready", "Running", ("app", true, true), ("sidecar", true, true));
        await run.WaitAsync(Patience);

        Assert.Single(cluster.RunIn("ready"));
        Assert.Equal((1, 0), Counts(context));
    }

    [Fact]
    public async Task A_pod_deleted_while_its_hooks_wait_leaves_them_not_executed()
    {
        var pod = await cluster.CreatePodAsync("deleted");
        var context = For(cluster.Client, pod, Spec("warm", null, Exec(["warm-cache"]), Exec(["reindex"], container: "sidecar")));

        var run = Runner().RunAsync(context, pod, CancellationToken.None);
        await Task.Delay(300);
        await cluster.Client.CoreV1.DeleteNamespacedPodAsync("deleted", Ns);
        await run.WaitAsync(Patience);

        Assert.Empty(cluster.RunIn("deleted"));
        Assert.Equal((2, 2), Counts(context));
        Assert.All(Errors(context), e => Assert.EndsWith($"in pod {Ns}/deleted not executed: context canceled", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pod_that_completes_before_its_container_ran_leaves_its_hooks_not_executed()
    {
        var pod = await cluster.CreatePodAsync("completed");
        var context = For(cluster.Client, pod, Spec("warm", null, Exec(["warm-cache"])));
        await cluster.SetStatusAsync("completed", "Succeeded", ("app", false, false));

        await Runner().RunAsync(context, pod, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal((1, 1), Counts(context));
        Assert.Equal($"hook warm in container app in pod {Ns}/completed not executed: context canceled", Assert.Single(Errors(context)));
    }

    [Fact]
    public async Task Hooks_for_a_container_the_pod_lacks_are_discarded_with_a_warning_instead_of_waiting_forever()
    {
        var pod = await cluster.CreatePodAsync("no-container");
        var context = For(cluster.Client, pod, Spec("warm", null, Exec(["warm-cache"], container: "postgres")));

        await Runner().RunAsync(context, pod, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal((0, 0), Counts(context));
        Assert.Equal($"Pod {Ns}/no-container does not have container postgres: discarding post-restore exec hooks", Assert.Single(Warnings(context)));
    }

    [Fact]
    public async Task A_pod_without_hooks_returns_at_once_without_reading_the_cluster()
    {
        var pod = await cluster.CreatePodAsync("no-hooks");
        var context = For(Offline(), pod, Spec("other-namespace", ["elsewhere"], Exec(["warm-cache"])));

        await Runner().RunAsync(context, pod, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal((0, 0), Counts(context));
    }

    [Fact]
    public async Task Cancelling_the_restore_cancels_the_wait()
    {
        var pod = await cluster.CreatePodAsync("cancelled");
        var context = For(cluster.Client, pod, Spec("warm", null, Exec(["warm-cache"])));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner().RunAsync(context, pod, cancel.Token).WaitAsync(Patience));
    }
}
