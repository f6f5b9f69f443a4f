using System.Text.Json.Nodes;
using k8s;
using Velero.Restorer.Actions;
using Velero.Selection.Hooks;
using Velero.Selection.Validation;

namespace Velero.Restorer.Hooks;

/// <summary>
/// Upstream's <c>velero.io/init-restore-hook</c> action (<c>pkg/restore/actions/init_restorehook_pod_action.go</c> with
/// <c>InitContainerRestoreHookHandler</c>): adds the init containers of the pod's <c>init.hook.restore.velero.io/*</c>
/// annotations, or else of the Restore's matching spec init hooks, before the pod's own init containers. A
/// <c>restore-wait</c> container at index 0 stays first so that volume data is restored before the hooks run. Spec hooks
/// match on the namespace the pod is restored into. An init container upstream refuses makes the pod an error.
/// </summary>
public sealed class InitRestoreHookAction : IRestoreItemAction
{
    /// <summary>The init container the pod volume restore action puts first (upstream's <c>restorehelper.WaitInitContainer</c>).</summary>
    public const string WaitInitContainer = "restore-wait";

    private const string InitImageKey = "init.hook.restore.velero.io/container-image";
    private const string InitNameKey = "init.hook.restore.velero.io/container-name";

    public const string ActionName = "velero.io/init-restore-hook";

    public string Name => ActionName;

    public bool AppliesTo(string groupResource) => groupResource == "pods";

    public ValueTask<RestoreItemActionResult> ExecuteAsync(RestoreItemContext context, JsonObject item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(item);
        var log = context.Log;
        var metadata = item["metadata"] as JsonObject;
        var name = Text(metadata?["name"]) ?? "";
        var itemNamespace = Text(metadata?["namespace"]) ?? context.TargetNamespace ?? "";
        var pod = $"{itemNamespace}/{name}";
        void Info(string message) => log.Info(message, "pods", itemNamespace, name);

        Info("Executing InitRestoreHookPodAction");
        var annotations = Map(metadata?["annotations"]);
        if (!annotations.ContainsKey(InitImageKey))
        {
            Info($"Pod {pod} has no {InitImageKey} annotation, no initRestoreHook in annotation");
        }

        // Upstream maps the item's namespace itself; the engine has already done so in TargetNamespace.
        var targetNamespace = context.TargetNamespace ?? itemNamespace;
        var hooks = new RestoreHookResolver(context.Restore.Spec.Hooks?.Resources)
            .InitHooksFor(targetNamespace, Map(metadata?["labels"]), annotations, () => Guid.NewGuid().ToString("D")[..8]);
        if (hooks.FromAnnotations)
        {
            if (hooks.Containers[0].Command is null)
            {
                Info($"RestoreHook init container for pod {pod} is using container's default entrypoint");
            }

            Info("Handling InitRestoreHooks from pod annotations");
            if (!annotations.ContainsKey(InitNameKey))
            {
                Info($"Pod {pod} has no {InitNameKey} annotation, using generated name {hooks.Containers[0].Name} for initContainer");
            }
        }
        else
        {
            Info("Handling InitRestoreHooks from RestoreSpec");
            if (hooks.Containers.Any(RestoreHookValidator.InvalidInitContainer))
            {
                // Upstream fails the item with the validation error; validation normally refused the Restore before.
                throw new InvalidOperationException(RestoreHookValidator.InvalidInitContainerError);
            }
        }

        var spec = item["spec"] as JsonObject ?? [];
        item["spec"] = spec;
        var existing = spec["initContainers"] as JsonArray ?? [];
        if (hooks.Containers.Count > 0)
        {
            var ordered = new JsonArray();
            var own = existing.Select(c => c?.DeepClone()).ToList();
            if (own.Count > 0 && Text(own[0]?["name"]) == WaitInitContainer)
            {
                ordered.Add(own[0]);
                own.RemoveAt(0);
            }

            foreach (var container in hooks.Containers)
            {
                ordered.Add(JsonNode.Parse(KubernetesJson.Serialize(container)));
            }

            foreach (var container in own)
            {
                ordered.Add(container);
            }

            spec["initContainers"] = ordered;
            existing = ordered;
        }

        Info($"Returning pod {pod} with {existing.Count} init container(s)");
        Info("Returning from InitRestoreHookPodAction");
        return ValueTask.FromResult(RestoreItemActionResult.Continue(item));
    }

    private static Dictionary<string, string> Map(JsonNode? node) =>
        (node as JsonObject ?? []).Where(p => Text(p.Value) is not null).ToDictionary(p => p.Key, p => Text(p.Value)!);

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
