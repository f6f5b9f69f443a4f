using Velero.Kubernetes.Raw;
using System.Runtime.ExceptionServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
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
    /// <summary>Below this many namespaces to list, a type is listed per namespace.</summary>
    private const int ClusterWideListingThreshold = 8;

    private readonly ItemTracker _tracker = new();

    public ItemTracker Items => _tracker;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var plan = CollectionOrder.Plan(discovery, selection);
        var backupper = new ItemBackupper(api, log, hooks, new BackupHookResolver(request.Backup.Spec.Hooks?.Resources, discovery),
            discovery, selection, tarball, _tracker, options.PageSize);
        var blocks = Channel.CreateBounded<IReadOnlyList<CollectedItem>>(
            new BoundedChannelOptions(options.Workers * 2) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Enumerable.Range(0, options.Workers)
            .Select(_ => Task.Run(() => WorkAsync(backupper, blocks.Reader, failed), CancellationToken.None))
            .ToList();
        Exception? listingFailure = null;
        try
        {
            foreach (var type in plan)
            {
                if (type.GroupResource != KnownResources.Namespaces)
                {
                    await ListTypeAsync(type, backupper, blocks.Writer, failed.Token);
                }
            }
        }
        catch (Exception e)
        {
            listingFailure = e;
            await failed.CancelAsync();
        }

        blocks.Writer.TryComplete();
        var working = Task.WhenAll(workers);
        try
        {
            await working;
        }
        catch (Exception)
        {
            // Inspected below: a worker's own failure (the tarball could not be written) explains the listing's
            // cancellation, so it is the one reported.
        }

        var workerFailure = workers.Where(w => w.IsFaulted).Select(w => w.Exception!.GetBaseException())
            .FirstOrDefault(e => e is not OperationCanceledException);
        if (workerFailure is not null && listingFailure is null or OperationCanceledException)
        {
            ExceptionDispatchInfo.Throw(workerFailure);
        }

        if (listingFailure is not null)
        {
            ExceptionDispatchInfo.Throw(listingFailure);
        }

        await working;

        if (plan.Any(t => t.GroupResource == KnownResources.Namespaces))
        {
            await BackUpNamespacesAsync(backupper, cancellationToken);
        }

        if (selection.BacksUpCrdsOfBackedUpTypes)
        {
            await BackUpCrdsAsync(backupper, cancellationToken);
        }
    }

    private static async Task WorkAsync(ItemBackupper backupper, ChannelReader<IReadOnlyList<CollectedItem>> blocks, CancellationTokenSource failed)
    {
        try
        {
            await foreach (var block in blocks.ReadAllAsync(failed.Token))
            {
                await backupper.BackUpBlockAsync(block, failed.Token);
            }
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
    }

    private async Task ListTypeAsync(DiscoveredResource type, ItemBackupper backupper,
        ChannelWriter<IReadOnlyList<CollectedItem>> blocks, CancellationToken cancellationToken)
    {
        log.Info("Listing items", type.GroupResource);
        var order = OrderedResources.ForResource(request.Backup.Spec.OrderedResources, type.Resource);
        var held = order.Count > 0 ? new List<CollectedItem>() : null;
        var count = 0;
        var (namespacesToList, listed) = ListingPlan(type);
        foreach (var ns in namespacesToList)
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
                        if (listed is not null && !listed.Contains((string?)obj["metadata"]?["namespace"] ?? ""))
                        {
                            // Listed across namespaces only to save requests: not one the backup lists.
                            continue;
                        }

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
            // Ordered items come first and consecutive ordered items of the type share a block (upstream's
            // addNextToBlock). That block is backed up here, before the type's other items reach the workers, so the
            // given order holds whatever the worker count (upstream runs one block worker by default).
            var sorted = OrderedResources.Sort(held, order, i => i.Facts.Namespace, i => i.Facts.Name);
            var block = new List<CollectedItem>();
            for (var i = 0; i < sorted.Count; i++)
            {
                block.Add(sorted[i].Item);
                if (!OrderedResources.JoinsNextBlock(sorted, i, item => item.Type.GroupResource))
                {
                    if (sorted[i].Ordered)
                    {
                        await backupper.BackUpBlockAsync(block, cancellationToken);
                    }
                    else
                    {
                        await blocks.WriteAsync(block, cancellationToken);
                    }

                    block = [];
                }
            }
        }

        log.Info($"Retrieved {count} items", type.GroupResource);
    }

    /// <summary>
    /// Where to list a type: in each namespace the backup lists, as upstream does, or, when those are most of the
    /// cluster's namespaces, once across all namespaces keeping only the items of those (<paramref name="type"/>'s items
    /// then cost a few requests instead of one per namespace; the items kept are the same).
    /// </summary>
    private (IReadOnlyList<string> Namespaces, HashSet<string>? Keep) ListingPlan(DiscoveredResource type)
    {
        var namespacesToList = selection.NamespacesToList(type);
        if (!type.Namespaced || namespacesToList.Count < ClusterWideListingThreshold || namespacesToList.Contains("*")
            || namespacesToList.Count * 2 < namespaces.Count)
        {
            return (namespacesToList, null);
        }

        return ([""], new HashSet<string>(namespacesToList, StringComparer.Ordinal));
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
        return _tracker.TryClaim(item) ? item : null;
    }

    private async Task BackUpNamespacesAsync(ItemBackupper backupper, CancellationToken cancellationToken)
    {
        if (discovery.Resources.FirstOrDefault(r => r.GroupResource == KnownResources.Namespaces) is not { } type)
        {
            return;
        }

        foreach (var (ns, obj) in namespaces)
        {
            if (!selection.ShouldBackUpNamespaceObject(ns, _tracker.HoldsItemsIn(ns.Name)))
            {
                continue;
            }

            if (Accept(type, obj) is { } item)
            {
                await backupper.BackUpItemAsync(item, cancellationToken);
            }
        }
    }

    // After the items, the CRD of every custom resource type that had an item backed up (upstream's backupCRD).
    private async Task BackUpCrdsAsync(ItemBackupper backupper, CancellationToken cancellationToken)
    {
        if (discovery.Resources.FirstOrDefault(r => r.GroupResource == KnownResources.CustomResourceDefinitions) is not { } crds)
        {
            return;
        }

        foreach (var groupResource in _tracker.TypesBackedUp.Where(g => g.Contains('.', StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            try
            {
                var crd = await api.GetAsync(ClusterApi.ObjectPath(crds, null, groupResource), cancellationToken);
                if (crd is not null)
                {
                    await backupper.BackUpRelatedAsync(KnownResources.CustomResourceDefinitions, null, groupResource, crd, cancellationToken);
                }
            }
            catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or InvalidDataException)
            {
                log.Error("Error getting CRD", KnownResources.CustomResourceDefinitions, name: groupResource, error: e.Message);
            }
        }

        logger.LogDebug("Backed up the CRDs of {Types} types", _tracker.TypesBackedUp.Count);
    }
}
