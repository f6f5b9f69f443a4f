using k8s.Models;
using Velero.Api.V1;
using Velero.Selection.Hooks;
using static Velero.Selection.Tests.Support.Specs;

namespace Velero.Selection.Tests.Hooks;

/// <summary>
/// <c>GetRestoreHooksFromSpec</c>, <c>GroupRestoreExecHooks</c>, <c>getPodExecRestoreHookFromAnnotations</c> and the
/// hook choice of <c>InitContainerRestoreHookHandler</c> in <c>internal/hook/item_hook_handler.go</c>.
/// </summary>
public sealed class RestoreHookResolverTests
{
    private static readonly string[] Containers = ["app", "sidecar"];

    private static readonly RestoreResourceHookSpec[] Spec =
    [
        new()
        {
            Name = "warm",
            IncludedNamespaces = ["shop-*"],
            ExcludedNamespaces = ["shop-test"],
            // Upstream never consults resource filters for restore hooks.
            IncludedResources = ["deployments.apps"],
            PostHooks =
            [
                new() { Exec = new ExecRestoreHook { Command = ["warm-cache"] } },
                new() { Init = new InitRestoreHook { InitContainers = [new V1Container { Name = "prep", Image = "busybox", Command = ["prep"] }] } },
                new() { Exec = new ExecRestoreHook { Command = ["reindex"], Container = "sidecar", WaitForReady = true } },
            ],
        },
        new()
        {
            Name = "cache",
            LabelSelector = Selector("app=cache"),
            PostHooks = [new() { Exec = new ExecRestoreHook { Command = ["redis-cli", "save"] } }],
        },
    ];

    private static readonly RestoreHookResolver Resolver = new(Spec);

    [Theory]
    [InlineData("shop-prod", "", "warm#0@app,warm#2@sidecar")]
    [InlineData("shop-prod", "app=cache", "warm#0@app,warm#2@sidecar,cache#0@app")]
    [InlineData("shop-test", "app=cache", "cache#0@app")]
    [InlineData("shop", "", "")]
    public void Spec_exec_hooks_in_spec_order_with_the_first_container_by_default(string ns, string labels, string expected) =>
        Assert.Equal(expected, string.Join(",", Resolver.ExecHooksFor(ns, LabelMap(labels), null, Containers)
            .Select(h => $"{h.HookName}#{h.Index}@{h.Exec.Container}")));

    [Fact]
    public void Spec_hooks_are_copied_with_wait_for_ready_defaulted_and_the_spec_left_alone()
    {
        var hooks = Resolver.ExecHooksFor("shop-prod", null, null, Containers);

        Assert.Equal([false, true], hooks.Select(h => h.Exec.WaitForReady));
        Assert.Null(Spec[0].PostHooks![0].Exec!.Container);
        Assert.Null(Spec[0].PostHooks![0].Exec!.WaitForReady);
    }

    [Fact]
    public void A_pod_without_containers_gets_no_exec_hooks() =>
        Assert.Empty(Resolver.ExecHooksFor("shop-prod", null, new Dictionary<string, string> { ["post.hook.restore.velero.io/command"] = "x" }, []));

    [Fact]
    public void The_annotation_hook_replaces_spec_hooks()
    {
        var hook = Assert.Single(Resolver.ExecHooksFor("shop-prod", LabelMap("app=cache"), new Dictionary<string, string>
        {
            ["post.hook.restore.velero.io/command"] = "[\"/bin/sh\",\"-c\",\"echo hi\"]",
            ["post.hook.restore.velero.io/on-error"] = "Fail",
            ["post.hook.restore.velero.io/exec-timeout"] = "90s",
            ["post.hook.restore.velero.io/wait-timeout"] = "2m",
            ["post.hook.restore.velero.io/wait-for-ready"] = "T",
        }, Containers));

        Assert.Equal((true, "<from-annotation>", 0), (hook.FromAnnotations, hook.HookName, hook.Index));
        Assert.Equal(["/bin/sh", "-c", "echo hi"], hook.Exec.Command);
        Assert.Equal(("app", "Fail", "1m30s", "2m0s", true),
            (hook.Exec.Container, hook.Exec.OnError, hook.Exec.ExecTimeout, hook.Exec.WaitTimeout, hook.Exec.WaitForReady));
    }

    [Theory]
    [InlineData("sometimes", "soon", "yes", null, null, false)]
    [InlineData("Continue", "-1s", "0", "Continue", "-1s", false)]
    [InlineData("Fail", "1h", "1", "Fail", "1h0m0s", true)]
    public void Unreadable_annotation_values_are_dropped_as_upstream(string onError, string timeout, string waitForReady,
        string? expectedOnError, string? expectedTimeout, bool expectedReady)
    {
        var hook = RestoreHookResolver.ExecFromAnnotations(new Dictionary<string, string>
        {
            ["post.hook.restore.velero.io/command"] = "run",
            ["post.hook.restore.velero.io/on-error"] = onError,
            ["post.hook.restore.velero.io/exec-timeout"] = timeout,
            ["post.hook.restore.velero.io/wait-for-ready"] = waitForReady,
        })!;

        Assert.Equal((expectedOnError, expectedTimeout, expectedReady), (hook.OnError, hook.ExecTimeout, hook.WaitForReady));
        Assert.Equal(["run"], hook.Command);
    }

    [Fact]
    public void Without_a_command_annotation_there_is_no_annotation_hook() =>
        Assert.Null(RestoreHookResolver.ExecFromAnnotations(new Dictionary<string, string> { ["post.hook.restore.velero.io/container"] = "app" }));

    [Fact]
    public void Spec_init_containers_of_matching_hooks()
    {
        var init = Resolver.InitHooksFor("shop-prod", null, null, () => "cafe0001");

        Assert.False(init.FromAnnotations);
        Assert.Equal(["prep"], init.Containers.Select(c => c.Name));
        Assert.Same(RestoreInitHooks.None, Resolver.InitHooksFor("shop", null, null, () => "cafe0001"));
    }

    [Fact]
    public void The_annotation_init_container_replaces_spec_init_hooks_and_is_named_from_the_random_segment()
    {
        var init = Resolver.InitHooksFor("shop-prod", null, new Dictionary<string, string>
        {
            ["init.hook.restore.velero.io/container-image"] = "alpine:3",
            ["init.hook.restore.velero.io/command"] = "prepare.sh",
        }, () => "cafe0001");

        Assert.True(init.FromAnnotations);
        var container = Assert.Single(init.Containers);
        Assert.Equal(("velero-restore-init-cafe0001", "alpine:3"), (container.Name, container.Image));
        Assert.Equal(["prepare.sh"], container.Command);
    }

    [Fact]
    public void An_init_annotation_without_image_is_no_init_hook() =>
        Assert.False(Resolver.InitHooksFor("shop-prod", null,
            new Dictionary<string, string> { ["init.hook.restore.velero.io/container-name"] = "x" }, () => "cafe0001").FromAnnotations);
}
