using System.Text.Json.Nodes;
using k8s;
using Velero.Api.V1;
using Velero.KubeEmulator.Exec;
using Velero.Selection.Hooks;
using Velero.Selection.Resources;
using Velero.Snapshotter.Collection.Hooks;

namespace Velero.Snapshotter.Tests.Hooks;

/// <summary>
/// Backup exec hooks run through <c>pods/exec</c> on the Kubernetes API emulator, with the semantics of upstream's
/// <c>HandleHooks</c> (<c>internal/hook/item_hook_handler.go</c>) and <c>ExecutePodCommand</c> (<c>pkg/podexec</c>).
/// </summary>
public sealed class PodHookRunnerTests(HookCluster cluster) : IClassFixture<HookCluster>
{
    private const string Ns = HookCluster.Namespace;

    private KubeEmulator.KubeEmulator Emulator => cluster.Emulator;

    private PodHookRunner Runner() => new(cluster.Client, TimeProvider.System);

    private static PodExecHook Spec(string name, int index, string[] command, string? container = null, string? onError = null,
        string? timeout = null) =>
        new(false, name, index, new ExecHook { Command = command, Container = container, OnError = onError, Timeout = timeout });

    private Task<JsonObject> PodAsync(string name, string phase = "Running", Dictionary<string, string>? annotations = null) =>
        cluster.PodAsync(name, phase, annotations);

    private List<ExecInvocation> RunIn(string pod) => cluster.RunIn(pod);

    [Fact]
    public async Task A_hook_runs_in_the_pods_first_container_by_default_and_succeeds()
    {
        var pod = await PodAsync("db-ok");

        var outcome = await Runner().RunAsync(pod, [Spec("freeze", 0, ["fsfreeze", "--freeze", "/var/lib/mysql"])], HookPhase.Pre, CancellationToken.None);

        Assert.Equal((1, 0, false), (outcome.Attempted, outcome.Failed, outcome.SkipPod));
        Assert.Empty(outcome.Errors);
        var run = Assert.Single(RunIn("db-ok"));
        Assert.Equal(("shop", "mysql"), (run.Namespace, run.Container));
        Assert.Equal(["fsfreeze", "--freeze", "/var/lib/mysql"], run.Command);
    }

    [Fact]
    public async Task A_non_zero_exit_is_a_failed_hook_whose_error_names_hook_container_pod_and_exit_code_but_not_its_output()
    {
        var pod = await PodAsync("db-exit");

        var outcome = await Runner().RunAsync(pod, [Spec("check", 0, ["false"], container: "sidecar")], HookPhase.Pre, CancellationToken.None);

        Assert.Equal((1, 1, false), (outcome.Attempted, outcome.Failed, outcome.SkipPod));
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("pre hook \"check\" #0 in container \"sidecar\" of pod shop/db-exit failed: command terminated with exit code 1", error);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
        Assert.Equal("sidecar", Assert.Single(RunIn("db-exit")).Container);
    }

    [Fact]
    public async Task A_command_the_container_cannot_start_fails_with_exit_code_126()
    {
        var pod = await PodAsync("db-missing-binary");

        var outcome = await Runner().RunAsync(pod, [Spec("dump", 0, ["mysqldump", "--all-databases"])], HookPhase.Post, CancellationToken.None);

        Assert.Equal(1, outcome.Failed);
        Assert.EndsWith("failed: command terminated with exit code 126", Assert.Single(outcome.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_container_the_pod_does_not_have_is_a_hook_error_and_nothing_is_executed()
    {
        var pod = await PodAsync("db-no-container");

        var outcome = await Runner().RunAsync(pod, [Spec("freeze", 0, ["fsfreeze", "--freeze", "/var/lib/mysql"], container: "postgres")],
            HookPhase.Pre, CancellationToken.None);

        Assert.Equal((1, 1, false), (outcome.Attempted, outcome.Failed, outcome.SkipPod));
        Assert.Equal("pre hook \"freeze\" #0 in container \"postgres\" of pod shop/db-no-container failed: no such container: \"postgres\"",
            Assert.Single(outcome.Errors));
        Assert.Empty(RunIn("db-no-container"));
    }

    [Fact]
    public async Task OnError_Fail_on_a_pre_hook_stops_the_pods_remaining_hooks_and_skips_the_pod()
    {
        var pod = await PodAsync("db-fail");

        var outcome = await Runner().RunAsync(pod,
        [
            Spec("check", 0, ["false"], onError: HookErrorMode.Fail),
            Spec("check", 1, ["fsfreeze", "--freeze", "/var/lib/mysql"]),
        ], HookPhase.Pre, CancellationToken.None);

        Assert.True(outcome.SkipPod);
        Assert.Equal(["false"], Assert.Single(RunIn("db-fail")).Command);
        // Upstream's tracker adds the second hook before it decides not to run it, so hookStatus counts it as attempted.
        Assert.Equal((2, 1), (outcome.Attempted, outcome.Failed));
        Assert.Contains("pre hook \"check\" #0 in container \"mysql\" of pod shop/db-fail failed", Assert.Single(outcome.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnError_Fail_on_a_post_hook_stops_the_remaining_hooks_but_the_pod_is_already_backed_up()
    {
        var pod = await PodAsync("db-fail-post");

        var outcome = await Runner().RunAsync(pod,
        [
            Spec("thaw", 0, ["false"], onError: HookErrorMode.Fail),
            Spec("thaw", 1, ["fsfreeze", "--freeze", "/var/lib/mysql"]),
        ], HookPhase.Post, CancellationToken.None);

        Assert.False(outcome.SkipPod);
        Assert.Single(RunIn("db-fail-post"));
        Assert.Equal((2, 1), (outcome.Attempted, outcome.Failed));
    }

    [Theory]
    [InlineData(HookErrorMode.Continue)]
    [InlineData(null)]
    public async Task A_failed_hook_with_Continue_or_no_onError_lets_the_next_hook_run(string? onError)
    {
        var name = onError is null ? "db-unset" : "db-continue";
        var pod = await PodAsync(name);

        var outcome = await Runner().RunAsync(pod,
        [
            Spec("check", 0, ["false"], onError: onError),
            Spec("check", 1, ["fsfreeze", "--freeze", "/var/lib/mysql"]),
        ], HookPhase.Pre, CancellationToken.None);

        Assert.Equal((2, 1, false), (outcome.Attempted, outcome.Failed, outcome.SkipPod));
        Assert.Equal([["false"], ["fsfreeze", "--freeze", "/var/lib/mysql"]], RunIn(name).Select(i => i.Command));
        Assert.Single(outcome.Errors);
    }

    [Fact]
    public async Task A_hook_that_outlives_its_timeout_fails_with_timed_out_after_and_the_next_hook_still_runs()
    {
        var pod = await PodAsync("db-slow");
        Emulator.Exec.Register(new ExecScript(["sleep", "30"], new ExecResult("late\n") { Duration = TimeSpan.FromSeconds(30) }));
        var started = TimeProvider.System.GetTimestamp();

        var outcome = await Runner().RunAsync(pod,
        [
            Spec("slow", 0, ["sleep", "30"], timeout: "1s"),
            Spec("slow", 1, ["fsfreeze", "--freeze", "/var/lib/mysql"]),
        ], HookPhase.Pre, CancellationToken.None);

        var elapsed = TimeProvider.System.GetElapsedTime(started);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.Equal((2, 1, false), (outcome.Attempted, outcome.Failed, outcome.SkipPod));
        Assert.Equal("pre hook \"slow\" #0 in container \"mysql\" of pod shop/db-slow failed: timed out after 1s", Assert.Single(outcome.Errors));
        Assert.Equal(2, RunIn("db-slow").Count);
    }

    [Fact]
    public async Task A_timed_out_hook_with_onError_Fail_skips_the_pod()
    {
        var pod = await PodAsync("db-slow-fail");
        Emulator.Exec.Register(new ExecScript(["sleep", "31"], new ExecResult() { Duration = TimeSpan.FromSeconds(30) }));

        var outcome = await Runner().RunAsync(pod, [Spec("slow", 0, ["sleep", "31"], onError: HookErrorMode.Fail, timeout: "500ms")],
            HookPhase.Pre, CancellationToken.None);

        Assert.True(outcome.SkipPod);
        Assert.EndsWith("failed: timed out after 500ms", Assert.Single(outcome.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_timeout_a_hook_gets_upstreams_default_of_30s()
    {
        var pod = await PodAsync("db-default-timeout");
        Emulator.Exec.Register(new ExecScript(["sleep", "33"], new ExecResult() { Duration = TimeSpan.FromSeconds(30) }));
        var clock = new ImmediateTimeProvider();

        var outcome = await new PodHookRunner(cluster.Client, clock).RunAsync(pod, [Spec("slow", 0, ["sleep", "33"])], HookPhase.Pre, CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(30)], clock.DueTimes);
        Assert.EndsWith("failed: timed out after 30s", Assert.Single(outcome.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_timeout_waits_for_the_command_however_long_it_takes_as_upstream()
    {
        var pod = await PodAsync("db-no-timeout");
        Emulator.Exec.Register(new ExecScript(["sleep", "2"], new ExecResult("done\n") { Duration = TimeSpan.FromMilliseconds(1500) }));
        var clock = new ImmediateTimeProvider();

        var outcome = await new PodHookRunner(cluster.Client, clock).RunAsync(pod, [Spec("slow", 0, ["sleep", "2"], timeout: "-1s")], HookPhase.Pre,
            CancellationToken.None);

        Assert.Empty(clock.DueTimes);
        Assert.Equal((1, 0), (outcome.Attempted, outcome.Failed));
    }

    [Fact]
    public async Task A_pod_deleted_since_it_was_read_is_a_hook_error_naming_the_refusal()
    {
        var pod = await PodAsync("db-gone");
        await cluster.Client.CoreV1.DeleteNamespacedPodAsync("db-gone", Ns);

        var outcome = await Runner().RunAsync(pod, [Spec("freeze", 0, ["fsfreeze", "--freeze", "/var/lib/mysql"])], HookPhase.Pre, CancellationToken.None);

        Assert.Equal((1, 1), (outcome.Attempted, outcome.Failed));
        var error = Assert.Single(outcome.Errors);
        Assert.StartsWith("pre hook \"freeze\" #0 in container \"mysql\" of pod shop/db-gone failed: the API server refused pods/exec", error, StringComparison.Ordinal);
        Assert.Contains("404", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_backup_cancels_a_running_hook_instead_of_reporting_it()
    {
        var pod = await PodAsync("db-cancel");
        Emulator.Exec.Register(new ExecScript(["sleep", "32"], new ExecResult() { Duration = TimeSpan.FromSeconds(30) }));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Runner().RunAsync(pod, [Spec("slow", 0, ["sleep", "32"])], HookPhase.Pre, cancel.Token));
    }

    [Theory]
    [InlineData("Succeeded")]
    [InlineData("Failed")]
    public async Task A_pod_that_has_completed_is_passed_over_without_an_error_as_upstream_does(string phase)
    {
        var name = $"db-{phase.ToLowerInvariant()}";
        var pod = await PodAsync(name, phase);

        var outcome = await Runner().RunAsync(pod, [Spec("freeze", 0, ["fsfreeze", "--freeze", "/var/lib/mysql"])], HookPhase.Post, CancellationToken.None);

        Assert.Equal((1, 0, false), (outcome.Attempted, outcome.Failed, outcome.SkipPod));
        Assert.Empty(outcome.Errors);
        Assert.Empty(RunIn(name));
    }

    [Fact]
    public async Task A_pending_pod_is_not_passed_over_the_exec_is_tried_and_the_api_servers_answer_decides()
    {
        // Upstream checks only for Succeeded and Failed; a real API server refuses exec into a container not yet started.
        var pod = await PodAsync("db-pending", "Pending");

        var outcome = await Runner().RunAsync(pod, [Spec("freeze", 0, ["fsfreeze", "--freeze", "/var/lib/mysql"])], HookPhase.Pre, CancellationToken.None);

        Assert.Equal((1, 0), (outcome.Attempted, outcome.Failed));
        Assert.Single(RunIn("db-pending"));
    }

    [Fact]
    public async Task Annotation_hooks_resolved_by_the_selection_rules_run_in_the_annotated_container_instead_of_spec_hooks()
    {
        var pod = await PodAsync("db-annotated", annotations: new Dictionary<string, string>
        {
            ["pre.hook.backup.velero.io/command"] = """["/bin/sh","-c","sync && echo synced"]""",
            ["pre.hook.backup.velero.io/container"] = "sidecar",
            ["pre.hook.backup.velero.io/on-error"] = "Fail",
            ["pre.hook.backup.velero.io/timeout"] = "20s",
        });
        Emulator.Exec.Register(["/bin/sh", "-c", "sync && echo synced"], "synced\n");
        var resolver = new BackupHookResolver(
            [new BackupResourceHookSpec { Name = "freeze", Pre = [new BackupResourceHook { Exec = new ExecHook { Command = ["fsfreeze", "--freeze", "/var/lib/mysql"] } }] }],
            new DiscoveryModel([new DiscoveredResource("", "v1", "pods", "Pod", true, ["po"])]));
        var hooks = resolver.HooksFor("pods", Ns, Labels(pod), Annotations(pod), HookPhase.Pre);

        var outcome = await Runner().RunAsync(pod, hooks, HookPhase.Pre, CancellationToken.None);

        Assert.Equal((1, 0, false), (outcome.Attempted, outcome.Failed, outcome.SkipPod));
        var run = Assert.Single(RunIn("db-annotated"));
        Assert.Equal("sidecar", run.Container);
        Assert.Equal(["/bin/sh", "-c", "sync && echo synced"], run.Command);
    }

    [Fact]
    public async Task A_failing_annotation_hook_with_on_error_Fail_skips_the_pod_and_is_named_as_from_annotation()
    {
        var pod = await PodAsync("db-annotated-fail", annotations: new Dictionary<string, string>
        {
            ["hook.backup.velero.io/command"] = "false",
            ["hook.backup.velero.io/on-error"] = "Fail",
        });
        var hooks = new BackupHookResolver(null, new DiscoveryModel([])).HooksFor("pods", Ns, Labels(pod), Annotations(pod), HookPhase.Pre);

        var outcome = await Runner().RunAsync(pod, hooks, HookPhase.Pre, CancellationToken.None);

        Assert.Equal((1, 1, true), (outcome.Attempted, outcome.Failed, outcome.SkipPod));
        Assert.Equal("pre hook <from-annotation> in container \"mysql\" of pod shop/db-annotated-fail failed: command terminated with exit code 1",
            Assert.Single(outcome.Errors));
    }

    [Fact]
    public async Task Spec_hooks_resolved_by_the_selection_rules_run_in_spec_order()
    {
        var pod = await PodAsync("db-spec");
        Emulator.Exec.Register(["sync"], "");
        var resolver = new BackupHookResolver(
        [
            new BackupResourceHookSpec
            {
                Name = "quiesce",
                IncludedNamespaces = [Ns],
                Pre =
                [
                    new BackupResourceHook { Exec = new ExecHook { Command = ["sync"], Container = "sidecar" } },
                    new BackupResourceHook { Exec = new ExecHook { Command = ["fsfreeze", "--freeze", "/var/lib/mysql"] } },
                ],
            },
            new BackupResourceHookSpec { Name = "elsewhere", IncludedNamespaces = ["other"], Pre = [new BackupResourceHook { Exec = new ExecHook { Command = ["false"] } }] },
        ], new DiscoveryModel([new DiscoveredResource("", "v1", "pods", "Pod", true, ["po"])]));

        var outcome = await Runner().RunAsync(pod, resolver.HooksFor("pods", Ns, Labels(pod), Annotations(pod), HookPhase.Pre), HookPhase.Pre,
            CancellationToken.None);

        Assert.Equal((2, 0, false), (outcome.Attempted, outcome.Failed, outcome.SkipPod));
        Assert.Equal([("sidecar", "sync"), ("mysql", "fsfreeze")], RunIn("db-spec").Select(i => (i.Container, i.Command[0])));
    }

    [Fact]
    public async Task No_hooks_run_nothing()
    {
        var pod = await PodAsync("db-none");

        var outcome = await Runner().RunAsync(pod, [], HookPhase.Pre, CancellationToken.None);

        Assert.Equal(PodHookOutcome.None, outcome);
        Assert.Empty(RunIn("db-none"));
    }

    private static Dictionary<string, string>? Labels(JsonObject pod) => Map(pod["metadata"]?["labels"]);

    private static Dictionary<string, string>? Annotations(JsonObject pod) => Map(pod["metadata"]?["annotations"]);

    private static Dictionary<string, string>? Map(JsonNode? node) =>
        (node as JsonObject)?.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
}
