using Velero.Kubernetes.Raw;
using System.Text.Json.Nodes;
using Velero.BackupFormat.Tarball;
using Velero.Selection.Hooks;
using Velero.Selection.Items;
using Velero.Selection.Resources;
using Velero.Snapshotter.Collection.Hooks;

namespace Velero.Snapshotter.Collection;

/// <summary>
/// Backs up item blocks (upstream's <c>item_backupper.go</c> and the built-in actions): a block's pods' pre hooks, each
/// item into the tarball followed by its related items, then the post hooks. Called by the workers in parallel.
/// </summary>
internal sealed class ItemBackupper(
    ClusterApi api,
    BackupLog log,
    PodHookRunner hooks,
    BackupHookResolver hookResolver,
    DiscoveryModel discovery,
    BackupSelection selection,
    TarballUpload tarball,
    ItemTracker tracker,
    int pageSize)
{
    private readonly Lock _bindingsGate = new();
    private Task<IReadOnlyList<JsonObject>>? _clusterRoleBindings;

    public async Task BackUpBlockAsync(IReadOnlyList<CollectedItem> block, CancellationToken cancellationToken)
    {
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pod in block.Where(i => i.Type.GroupResource == KnownResources.Pods))
        {
            if (!await RunHooksAsync(pod, HookPhase.Pre, cancellationToken))
            {
                skipped.Add(pod.Key);
            }
        }

        foreach (var item in block.Where(i => !skipped.Contains(i.Key)))
        {
            await BackUpItemAsync(item, cancellationToken);
        }

        foreach (var pod in block.Where(i => i.Type.GroupResource == KnownResources.Pods && !skipped.Contains(i.Key)))
        {
            await RunHooksAsync(pod, HookPhase.Post, cancellationToken);
        }
    }

    // False when a failing pre hook with onError: Fail means the pod is not backed up.
    private async Task<bool> RunHooksAsync(CollectedItem pod, HookPhase phase, CancellationToken cancellationToken)
    {
        var facts = pod.Facts;
        var selected = hookResolver.HooksFor(KnownResources.Pods, facts.Namespace ?? "", facts.Labels, facts.Annotations, phase);
        if (selected.Count == 0)
        {
            return true;
        }

        PodHookOutcome outcome;
        try
        {
            outcome = await hooks.RunAsync(pod.Object, selected, phase, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = new PodHookOutcome(selected.Count, selected.Count, false, [e.Message]);
        }

        tracker.AddHooks(outcome.Attempted, outcome.Failed);
        foreach (var error in outcome.Errors)
        {
            log.Error("Error running hook", KnownResources.Pods, facts.Namespace, facts.Name, error);
        }

        if (outcome.SkipPod)
        {
            log.Info("Skipping pod because its pre hook failed", KnownResources.Pods, facts.Namespace, facts.Name);
        }

        return !outcome.SkipPod;
    }

    public async Task BackUpItemAsync(CollectedItem item, CancellationToken cancellationToken)
    {
        var json = ItemJson.Serialize(item.Object);
        var resource = GroupResource.Parse(item.Type.GroupResource);
        await tarball.WriteAsync(
            new TarballItem(resource, item.Facts.Namespace, item.Facts.Name, item.Type.Version, json), cancellationToken);
        tracker.Written(item);

        try
        {
            foreach (var (groupResource, ns, name, known) in await RelatedOfAsync(item, cancellationToken))
            {
                await BackUpRelatedAsync(groupResource, ns, name, known, cancellationToken);
            }
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or InvalidDataException)
        {
            log.Error("Error getting related items", item.Type.GroupResource, item.Facts.Namespace, item.Facts.Name, e.Message);
        }
    }

    private async Task<IReadOnlyList<(string GroupResource, string? Namespace, string Name, JsonObject? Known)>> RelatedOfAsync(
        CollectedItem item, CancellationToken cancellationToken)
    {
        var ns = item.Facts.Namespace;
        switch (item.Type.GroupResource)
        {
            case RelatedItems.Pods:
                return [.. RelatedItems.PodClaims(item.Object).Select(c => (RelatedItems.Pvcs, ns, c, (JsonObject?)null))];
            case RelatedItems.Pvcs:
                return RelatedItems.ClaimVolume(item.Object) is { } volume ? [(RelatedItems.Pvs, null, volume, null)] : [];
            case RelatedItems.ServiceAccounts when ns is not null:
                var related = new List<(string, string?, string, JsonObject?)>();
                foreach (var binding in await ClusterRoleBindingsAsync(cancellationToken))
                {
                    if (RelatedItems.BindsServiceAccount(binding, ns, item.Facts.Name))
                    {
                        related.Add((RelatedItems.ClusterRoleBindings, null, ItemFacts.Of(binding).Name, binding));
                        if (RelatedItems.BoundClusterRole(binding) is { } role)
                        {
                            related.Add((RelatedItems.ClusterRoles, null, role, null));
                        }
                    }
                }

                return related;
            default:
                return [];
        }
    }

    // Additional items of actions go through the item rules too (upstream sets must-include only when the action
    // asks for it, which the built-in ones do not); they bypass the label selectors and namespace listing.
    public async Task BackUpRelatedAsync(string groupResource, string? ns, string name, JsonObject? known,
        CancellationToken cancellationToken)
    {
        var key = CollectedItem.ItemKey(groupResource, ns, name);
        if (tracker.IsClaimed(key) || discovery.Resources.FirstOrDefault(r => r.GroupResource == groupResource) is not { } type)
        {
            return;
        }

        var obj = known ?? await api.GetAsync(ClusterApi.ObjectPath(type, ns, name), cancellationToken);
        if (obj is null)
        {
            log.Warn("Additional item was not found in Kubernetes API, can't back it up", groupResource, ns, name);
            return;
        }

        obj["apiVersion"] ??= type.GroupVersion;
        obj["kind"] ??= type.Kind;
        var facts = ItemFacts.Of(obj);
        var decision = selection.ShouldIncludeItem(
            new ItemCandidate(groupResource, facts.Namespace, facts.Name, facts.Labels, facts.BeingDeleted));
        if (!decision.Include)
        {
            log.Info($"Skipping item because {decision.Reason}", groupResource, facts.Namespace, facts.Name);
            return;
        }

        var related = new CollectedItem(type, obj, facts);
        if (!tracker.TryClaim(related))
        {
            return;
        }

        await BackUpItemAsync(related, cancellationToken);
    }

    // Listed once per backup, when the first ServiceAccount needs them (upstream's action lists them when created).
    private Task<IReadOnlyList<JsonObject>> ClusterRoleBindingsAsync(CancellationToken cancellationToken)
    {
        lock (_bindingsGate)
        {
            return _clusterRoleBindings ??= ListClusterRoleBindingsAsync(cancellationToken);
        }
    }

    private async Task<IReadOnlyList<JsonObject>> ListClusterRoleBindingsAsync(CancellationToken cancellationToken)
    {
        var list = new List<JsonObject>();
        if (discovery.Resources.FirstOrDefault(r => r.GroupResource == RelatedItems.ClusterRoleBindings) is { } type)
        {
            string? next = null;
            do
            {
                var page = await api.ListPageAsync(type, null, "", pageSize, next, cancellationToken);
                list.AddRange(page.Items);
                next = page.Continue;
            }
            while (next is not null);
        }

        // JSON nodes build their children on first access; walking them once here makes the workers' concurrent
        // reads plain reads.
        foreach (var binding in list)
        {
            _ = ItemJson.Serialize(binding);
        }

        return list;
    }
}
