using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Velero.BackupFormat.Files;
using Velero.BackupFormat.Tarball;
using Velero.Selection.Hooks;
using Velero.Selection.Items;
using Velero.Selection.Namespaces;
using Velero.Selection.Ordering;
using Velero.Selection.Resources;
using Velero.Snapshotter.Collection.Hooks;

namespace Velero.Snapshotter.Collection;

/// <summary>
/// The items of one backup (spec 4.4, upstream's <c>item_collector.go</c>, <c>backup.go</c> and <c>item_backupper.go</c>):
/// planned types listed page by page while a pool of workers backs up item blocks into the tarball, each item with its
/// related items and its pod's hooks; then the Namespace objects and the CRDs of the custom resources backed up.
/// </summary>
internal sealed class CollectionRun(
    CollectionRequest request,
    CollectorOptions options,
    ClusterApi api,
    BackupLog log,
    PodHookRunner hooks,
    DiscoveryModel discovery,
    BackupSelection selection,
    IReadOnlyList<(ClusterNamespace Namespace, JsonObject Object)> namespaces,
    TarballUpload tarball,
    ILogger logger)
{
    private readonly BackupHookResolver _hookResolver = new(request.Backup.Spec.Hooks?.Resources, discovery);
    private readonly ConcurrentDictionary<string, byte> _claimed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _namespacesWithItems = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DiscoveredResource> _typesBackedUp = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<JsonObject> _persistentVolumes = new();
    private readonly Lock _bindingsGate = new();
    private Task<IReadOnlyList<JsonObject>>? _clusterRoleBindings;
    private int _total;
    private int _backedUp;
    private int _hooksAttempted;
    private int _hooksFailed;

    public ResourceList ResourceList { get; } = new();

    public int TotalItems => Volatile.Read(ref _total);

    public int ItemsBackedUp => Volatile.Read(ref _backedUp);

    public int HooksAttempted => Volatile.Read(ref _hooksAttempted);

    public int HooksFailed => Volatile.Read(ref _hooksFailed);

    /// <summary>The PersistentVolumes backed up, for the volume information file.</summary>
    public IReadOnlyCollection<JsonObject> PersistentVolumes => _persistentVolumes;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var plan = CollectionOrder.Plan(discovery, selection);
        var blocks = Channel.CreateBounded<IReadOnlyList<CollectedItem>>(
            new BoundedChannelOptions(options.Workers * 2) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Enumerable.Range(0, options.Workers)
            .Select(_ => Task.Run(() => WorkAsync(blocks.Reader, failed), CancellationToken.None))
            .ToList();
        try
        {
            foreach (var type in plan)
            {
                if (type.GroupResource != KnownResources.Namespaces)
                {
                    await ListTypeAsync(type, blocks.Writer, failed.Token);
                }
            }
        }
        finally
        {
            blocks.Writer.TryComplete();
            await Task.WhenAll(workers).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        // A worker's failure (the tarball could not be written) is the run's failure.
        await Task.WhenAll(workers);

        if (plan.Any(t => t.GroupResource == KnownResources.Namespaces))
        {
            await BackUpNamespacesAsync(cancellationToken);
        }

        if (selection.BacksUpCrdsOfBackedUpTypes)
        {
            await BackUpCrdsAsync(cancellationToken);
        }
    }

    private async Task WorkAsync(ChannelReader<IReadOnlyList<CollectedItem>> blocks, CancellationTokenSource failed)
    {
        try
        {
            await foreach (var block in blocks.ReadAllAsync(failed.Token))
            {
                await BackUpBlockAsync(block, failed.Token);
            }
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
    }

    private async Task ListTypeAsync(DiscoveredResource type, ChannelWriter<IReadOnlyList<CollectedItem>> blocks,
        CancellationToken cancellationToken)
    {
        log.Info("Listing items", type.GroupResource);
        var order = OrderedResources.ForResource(request.Backup.Spec.OrderedResources, type.Resource);
        var held = order.Count > 0 ? new List<CollectedItem>() : null;
        var count = 0;
        foreach (var ns in selection.NamespacesToList(type))
        {
            // "*" lists across all namespaces; each item's namespace is then checked by the item rules.
            var listNamespace = ns == "*" ? "" : ns;
            foreach (var query in selection.LabelSelectorQueries)
            {
                string? next = null;
                do
                {
                    ListPage page;
                    try
                    {
                        page = await api.ListPageAsync(type, listNamespace, query, options.PageSize, next, cancellationToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        log.Error("Error listing items", type.GroupResource, listNamespace.Length > 0 ? listNamespace : null,
                            error: e.Message);
                        break;
                    }

                    foreach (var obj in page.Items)
                    {
                        var item = Accept(type, obj);
                        if (item is null)
                        {
                            continue;
                        }

                        count++;
                        if (held is not null)
                        {
                            held.Add(item);
                        }
                        else
                        {
                            await blocks.WriteAsync([item], cancellationToken);
                        }
                    }

                    next = page.Continue;
                }
                while (next is not null);
            }
        }

        if (held is not null)
        {
            // Ordered items come first and consecutive ordered items of the type share a block, so one worker backs
            // them up in the given order (upstream's addNextToBlock).
            var sorted = OrderedResources.Sort(held, order, i => i.Facts.Namespace, i => i.Facts.Name);
            var block = new List<CollectedItem>();
            for (var i = 0; i < sorted.Count; i++)
            {
                block.Add(sorted[i].Item);
                if (!OrderedResources.JoinsNextBlock(sorted, i, item => item.Type.GroupResource))
                {
                    await blocks.WriteAsync(block, cancellationToken);
                    block = [];
                }
            }
        }

        log.Info($"Retrieved {count} items", type.GroupResource);
    }

    // The per-item rules at list time; an accepted item is claimed so no one backs it up twice.
    private CollectedItem? Accept(DiscoveredResource type, JsonObject obj)
    {
        var facts = ItemFacts.Of(obj);
        var decision = selection.ShouldIncludeItem(
            new ItemCandidate(type.GroupResource, facts.Namespace, facts.Name, facts.Labels, facts.BeingDeleted));
        if (!decision.Include)
        {
            log.Info($"Skipping item because {decision.Reason}", type.GroupResource, facts.Namespace, facts.Name);
            return null;
        }

        var item = new CollectedItem(type, obj, facts);
        if (!_claimed.TryAdd(item.Key, 0))
        {
            return null;
        }

        Interlocked.Increment(ref _total);
        if (facts.Namespace is { } ns)
        {
            _namespacesWithItems.TryAdd(ns, 0);
        }

        return item;
    }

    private async Task BackUpBlockAsync(IReadOnlyList<CollectedItem> block, CancellationToken cancellationToken)
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
        var selected = _hookResolver.HooksFor(KnownResources.Pods, facts.Namespace ?? "", facts.Labels, facts.Annotations, phase);
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

        Interlocked.Add(ref _hooksAttempted, outcome.Attempted);
        Interlocked.Add(ref _hooksFailed, outcome.Failed);
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

    private async Task BackUpItemAsync(CollectedItem item, CancellationToken cancellationToken)
    {
        var json = ItemJson.Serialize(item.Object);
        var resource = GroupResource.Parse(item.Type.GroupResource);
        await tarball.WriteAsync(
            new TarballItem(resource, item.Facts.Namespace, item.Facts.Name, item.Type.Version, json), cancellationToken);
        ResourceList.Add((string?)item.Object["apiVersion"] ?? item.Type.GroupVersion, (string?)item.Object["kind"] ?? item.Type.Kind,
            item.Facts.Namespace, item.Facts.Name);
        Interlocked.Increment(ref _backedUp);
        _typesBackedUp.TryAdd(item.Type.GroupResource, item.Type);
        if (item.Type.GroupResource == KnownResources.PersistentVolumes)
        {
            _persistentVolumes.Enqueue(item.Object);
        }

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
    private async Task BackUpRelatedAsync(string groupResource, string? ns, string name, JsonObject? known,
        CancellationToken cancellationToken)
    {
        var key = CollectedItem.ItemKey(groupResource, ns, name);
        if (_claimed.ContainsKey(key) || discovery.Resources.FirstOrDefault(r => r.GroupResource == groupResource) is not { } type)
        {
            return;
        }

        var obj = known ?? await api.GetAsync(ItemPathOf(type, ns, name), cancellationToken);
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

        if (!_claimed.TryAdd(key, 0))
        {
            return;
        }

        Interlocked.Increment(ref _total);
        if (facts.Namespace is { } itemNamespace)
        {
            _namespacesWithItems.TryAdd(itemNamespace, 0);
        }

        await BackUpItemAsync(new CollectedItem(type, obj, facts), cancellationToken);
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
                var page = await api.ListPageAsync(type, null, "", options.PageSize, next, cancellationToken);
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

    private async Task BackUpNamespacesAsync(CancellationToken cancellationToken)
    {
        if (discovery.Resources.FirstOrDefault(r => r.GroupResource == KnownResources.Namespaces) is not { } type)
        {
            return;
        }

        foreach (var (ns, obj) in namespaces)
        {
            if (!selection.ShouldBackUpNamespaceObject(ns, _namespacesWithItems.ContainsKey(ns.Name)))
            {
                continue;
            }

            if (Accept(type, obj) is { } item)
            {
                await BackUpItemAsync(item, cancellationToken);
            }
        }
    }

    // After the items, the CRD of every custom resource type that had an item backed up (upstream's backupCRD).
    private async Task BackUpCrdsAsync(CancellationToken cancellationToken)
    {
        if (discovery.Resources.FirstOrDefault(r => r.GroupResource == KnownResources.CustomResourceDefinitions) is not { } crds)
        {
            return;
        }

        foreach (var groupResource in _typesBackedUp.Keys.Where(g => g.Contains('.', StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            try
            {
                var crd = await api.GetAsync(ItemPathOf(crds, null, groupResource), cancellationToken);
                if (crd is not null)
                {
                    await BackUpRelatedAsync(KnownResources.CustomResourceDefinitions, null, groupResource, crd, cancellationToken);
                }
            }
            catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or InvalidDataException)
            {
                log.Error("Error getting CRD", KnownResources.CustomResourceDefinitions, name: groupResource, error: e.Message);
            }
        }

        logger.LogDebug("Backed up the CRDs of {Types} types", _typesBackedUp.Count);
    }

    private static string ItemPathOf(DiscoveredResource type, string? ns, string name) =>
        ClusterApi.CollectionPath(type, ns) + "/" + Uri.EscapeDataString(name);
}
