using Velero.Api.V1;
using Velero.Selection.Hooks;
using Velero.Selection.Tests.Support;
using static Velero.Selection.Tests.Support.Specs;

namespace Velero.Selection.Tests.Hooks;

/// <summary><c>HandleHooks</c> and <c>getPodExecHookFromAnnotations</c> in <c>internal/hook/item_hook_handler.go</c>.</summary>
public sealed class BackupHookResolverTests
{
    private static readonly BackupResourceHookSpec[] Spec =
    [
        new()
        {
            Name = "freeze",
            IncludedNamespaces = ["db"],
            Pre = [new() { Exec = new ExecHook { Command = ["fsfreeze", "--freeze"], OnError = HookErrorMode.Fail } }],
            Post = [new() { Exec = new ExecHook { Command = ["fsfreeze", "--unfreeze"] } }],
        },
        new()
        {
            Name = "flush",
            LabelSelector = Selector("app=cache"),
            Pre = [new() { Exec = new ExecHook { Command = ["redis-cli", "save"] } }, new() { Exec = new ExecHook { Command = ["sync"] } }],
        },
    ];

    private static IReadOnlyList<PodExecHook> Resolve(string groupResource, string ns, string labels, Dictionary<string, string>? annotations, HookPhase phase) =>
        new BackupHookResolver(Spec, BuiltInDiscovery.Model()).HooksFor(groupResource, ns, LabelMap(labels), annotations, phase);

    [Theory]
    [InlineData("pods", "db", "", HookPhase.Pre, "freeze#0")]
    [InlineData("pods", "db", "", HookPhase.Post, "freeze#0")]
    [InlineData("pods", "db", "app=cache", HookPhase.Pre, "freeze#0,flush#0,flush#1")]
    [InlineData("pods", "web", "app=cache", HookPhase.Post, "")]
    [InlineData("pods", "web", "app=web", HookPhase.Pre, "")]
    [InlineData("deployments.apps", "db", "", HookPhase.Pre, "")] // pods only
    public void Spec_hooks_in_spec_order(string groupResource, string ns, string labels, HookPhase phase, string expected) =>
        Assert.Equal(expected, string.Join(",", Resolve(groupResource, ns, labels, null, phase).Select(h => $"{h.HookName}#{h.Index}")));

    [Fact]
    public void Annotations_take_priority_over_spec_hooks()
    {
        var hooks = Resolve("pods", "db", "app=cache", new() { ["pre.hook.backup.velero.io/command"] = "[\"/bin/sh\",\"-c\",\"echo hi\"]" }, HookPhase.Pre);
        var hook = Assert.Single(hooks);
        Assert.True(hook.FromAnnotations);
        Assert.Equal(["/bin/sh", "-c", "echo hi"], hook.Exec.Command);
    }

    [Theory]
    [InlineData(HookPhase.Pre, true)] // legacy unprefixed keys are pre hooks
    [InlineData(HookPhase.Post, false)]
    public void Legacy_unprefixed_annotations_are_pre_hooks(HookPhase phase, bool fromAnnotations)
    {
        var hooks = Resolve("pods", "db", "", new() { ["hook.backup.velero.io/command"] = "sync" }, phase);
        Assert.Equal(fromAnnotations, Assert.Single(hooks).FromAnnotations);
    }

    [Theory]
    [InlineData("[\"a\",\"b\"]", "a|b")]
    [InlineData("/bin/backup --all", "/bin/backup --all")] // a single string is one argv element
    [InlineData("[not json", "[not json")]
    public void Command_annotation_forms(string value, string argv) =>
        Assert.Equal(argv.Split('|'), BackupHookResolver.FromAnnotations(new Dictionary<string, string> { ["post.hook.backup.velero.io/command"] = value }, "post.")!.Command);

    [Theory]
    [InlineData("Fail", "Fail")]
    [InlineData("Continue", "Continue")]
    [InlineData("fail", null)] // unknown values are dropped, leaving the default
    public void On_error_annotation(string value, string? expected) =>
        Assert.Equal(expected, BackupHookResolver.FromAnnotations(
            new Dictionary<string, string> { ["pre.hook.backup.velero.io/command"] = "x", ["pre.hook.backup.velero.io/on-error"] = value }, "pre.")!.OnError);

    [Theory]
    [InlineData("2m", "2m0s")]
    [InlineData("soon", null)] // unparsable: the default timeout applies
    public void Timeout_annotation(string value, string? expected)
    {
        var hook = BackupHookResolver.FromAnnotations(new Dictionary<string, string>
        {
            ["pre.hook.backup.velero.io/command"] = "x",
            ["pre.hook.backup.velero.io/timeout"] = value,
            ["pre.hook.backup.velero.io/container"] = "sidecar",
        }, "pre.")!;
        Assert.Equal(expected, hook.Timeout);
        Assert.Equal("sidecar", hook.Container);
    }

    [Fact]
    public void No_command_no_annotation_hook() =>
        Assert.Null(BackupHookResolver.FromAnnotations(new Dictionary<string, string> { ["pre.hook.backup.velero.io/container"] = "c" }, "pre."));
}
