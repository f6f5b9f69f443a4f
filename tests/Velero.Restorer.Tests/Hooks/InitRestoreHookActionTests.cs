using System.Text.Json.Nodes;
using k8s.Models;
using Velero.Api.V1;
using Velero.Restorer.Hooks;
using Velero.Selection.Validation;
using static Velero.Restorer.Tests.Hooks.HookContexts;

namespace Velero.Restorer.Tests.Hooks;

/// <summary>
/// The <c>velero.io/init-restore-hook</c> action, as upstream's <c>InitRestoreHookPodAction</c> with
/// <c>InitContainerRestoreHookHandler</c> (<c>internal/hook/item_hook_handler.go</c>).
/// </summary>
public sealed class InitRestoreHookActionTests
{
    private static readonly InitRestoreHookAction Action = new();

    private static JsonObject Pod(Dictionary<string, string>? annotations = null, params string[] initContainers)
    {
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "shop", ["labels"] = new JsonObject { ["app"] = "shop" } },
            ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "shop:1" }) },
        };
        if (annotations is not null)
        {
            pod["metadata"]!["annotations"] = new JsonObject(annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value)));
        }

        if (initContainers.Length > 0)
        {
            pod["spec"]!["initContainers"] = new JsonArray([.. initContainers.Select(n => (JsonNode)new JsonObject { ["name"] = n, ["image"] = "x" })]);
        }

        return pod;
    }

    private static RestoreResourceHookSpec InitSpec(string name, string[]? namespaces, params V1Container[] containers) => new()
    {
        Name = name,
        IncludedNamespaces = namespaces,
        PostHooks = [new RestoreResourceHook { Init = new InitRestoreHook { InitContainers = containers } }],
    };

    private static V1Container Container(string name) => new() { Name = name, Image = "busybox", Command = ["sh", "-c", "prepare"] };

    private static async Task<string[]> InitNamesAsync(JsonObject pod, params RestoreResourceHookSpec[] hooks)
    {
        var result = await Action.ExecuteAsync(For(Offline(), pod, hooks), pod, CancellationToken.None);
        return [.. (result.Item["spec"]?["initContainers"] as JsonArray ?? []).Select(c => c!["name"]!.GetValue<string>())];
    }

    [Fact]
    public void It_is_upstreams_action_for_pods() =>
        Assert.Equal(("velero.io/init-restore-hook", true, false), (Action.Name, Action.AppliesTo("pods"), Action.AppliesTo("deployments.apps")));

    [Fact]
    public async Task The_annotation_init_container_goes_before_the_pods_own_with_its_command_parsed()
    {
        var pod = Pod(new()
        {
            ["init.hook.restore.velero.io/container-image"] = "alpine:3",
            ["init.hook.restore.velero.io/container-name"] = "prepare",
            ["init.hook.restore.velero.io/command"] = "[\"/bin/sh\", \"-c\", \"chown -R 999 /data\"]",
        }, "migrate");

        Assert.Equal(["prepare", "migrate"], await InitNamesAsync(pod, InitSpec("spec", null, Container("from-spec"))));
        var added = pod["spec"]!["initContainers"]![0]!;
        Assert.Equal("alpine:3", added["image"]!.GetValue<string>());
        Assert.Equal(["/bin/sh", "-c", "chown -R 999 /data"], added["command"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task An_unnamed_annotation_init_container_gets_a_generated_name_and_without_command_the_images_entrypoint()
    {
        var pod = Pod(new() { ["init.hook.restore.velero.io/container-image"] = "alpine:3" });

        var name = Assert.Single(await InitNamesAsync(pod));

        Assert.Matches("^velero-restore-init-[0-9a-f]{8}$", name);
        Assert.Null(pod["spec"]!["initContainers"]![0]!["command"]);
    }

    [Fact]
    public async Task A_restore_wait_container_at_index_0_stays_first()
    {
        var pod = Pod(new() { ["init.hook.restore.velero.io/container-image"] = "alpine:3", ["init.hook.restore.velero.io/container-name"] = "prepare" },
            "restore-wait", "migrate");

        Assert.Equal(["restore-wait", "prepare", "migrate"], await InitNamesAsync(pod));
    }

    [Fact]
    public async Task A_restore_wait_container_elsewhere_is_not_moved()
    {
        Assert.Equal(["one", "two", "migrate", "restore-wait"],
            await InitNamesAsync(Pod(null, "migrate", "restore-wait"), InitSpec("spec", null, Container("one"), Container("two"))));
    }

    [Fact]
    public async Task Spec_init_hooks_match_the_mapped_namespace_and_keep_spec_order()
    {
        var pod = Pod(null, "restore-wait");

        var names = await InitNamesAsync(pod,
            InitSpec("source-namespace", ["shop"], Container("never")),
            InitSpec("target-namespace", [RestoreHookCluster.Namespace], Container("first"), Container("second")),
            new RestoreResourceHookSpec { Name = "other-labels", LabelSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "db" } },
                PostHooks = [new RestoreResourceHook { Init = new InitRestoreHook { InitContainers = [Container("db-only")] } }] },
            InitSpec("everywhere", null, Container("third")));

        Assert.Equal(["restore-wait", "first", "second", "third"], names);
    }

    [Fact]
    public async Task Without_hooks_the_pod_is_left_as_it_was()
    {
        var pod = Pod(null, "migrate");
        var before = pod.ToJsonString();

        Assert.Equal(["migrate"], await InitNamesAsync(pod));
        Assert.Equal(before, pod.ToJsonString());
    }

    [Fact]
    public async Task A_spec_init_container_without_command_makes_the_pod_an_error_with_upstreams_message()
    {
        var pod = Pod();
        var hooks = InitSpec("bad", null, new V1Container { Name = "x", Image = "busybox" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await Action.ExecuteAsync(For(Offline(), pod, hooks), pod, CancellationToken.None));

        Assert.Equal(RestoreHookValidator.InvalidInitContainerError, error.Message);
    }

    [Fact]
    public async Task The_action_logs_upstreams_lines_to_the_restore_log()
    {
        var pod = Pod(new() { ["init.hook.restore.velero.io/container-image"] = "alpine:3" });
        var context = For(Offline(), pod);

        await Action.ExecuteAsync(context, pod, CancellationToken.None);

        var log = System.Text.Encoding.UTF8.GetString(context.Log.Text());
        Assert.Contains("Executing InitRestoreHookPodAction", log, StringComparison.Ordinal);
        Assert.Contains("Handling InitRestoreHooks from pod annotations", log, StringComparison.Ordinal);
        Assert.Contains("Pod shop/web has no init.hook.restore.velero.io/container-name annotation, using generated name velero-restore-init-", log,
            StringComparison.Ordinal);
        Assert.Contains("Returning pod shop/web with 1 init container(s)", log, StringComparison.Ordinal);
    }
}
