using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Velero.Kubernetes.Raw;
using Velero.ResourceModifiers;
using Velero.Restorer.Actions;
using Velero.Restorer.Ordering;
using Velero.Selection.Resources;

namespace Velero.Restorer.Engine;

/// <summary>
/// One restore, from the spooled backup to the cluster (upstream's <c>restoreContext.execute</c>): CRDs first and waited
/// on until Established, then every type in priority order, one type after another; the items of one type (across all
/// its namespaces) go through the per-item pipeline of spec 5.3 on a bounded pool of workers. Additional items an action
/// asks for are restored before the item that needs them. One item's failure is an error under its namespace; the run
/// goes on.
/// </summary>
internal sealed partial class RestoreRun
{
    private const string CustomResourceDefinitions = "customresourcedefinitions.apiextensions.k8s.io";
    private const string PersistentVolumes = "persistentvolumes";
    private const string PersistentVolumeClaims = "persistentvolumeclaims";
    private const string ServiceAccounts = "serviceaccounts";

    private readonly RestoreRequest _request;
    private readonly RestoreEngineOptions _options;
    private readonly ClusterApi _api;
    private readonly BackupSpool _spool;
    private readonly RestoreLog _log;
    private readonly IReadOnlyList<IRestoreItemAction> _actions;
    private readonly IPostRestoreHooks? _hooks;
    private readonly ResourceModifierRules? _modifiers;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _pluginConfig;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string, string?, string), Lazy<Task>> _started = new();
    private readonly ConcurrentBag<Task> _hookTasks = [];
    private readonly ConcurrentDictionary<string, string> _renamedVolumes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _volumesToProvision = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _mapping;
    private readonly string _backupName;
    private readonly string _restoreName;
    private DiscoveryModel _discovery;
    private RestoreScope _scope;
    private NamespaceEnsurer _namespaces;
    private int _totalItems;
    private int _itemsRestored;

    public RestoreRun(RestoreRequest request, RestoreEngineOptions options, ClusterApi api, BackupSpool spool, RestoreLog log,
        DiscoveryModel discovery, IReadOnlyList<IRestoreItemAction> actions, IPostRestoreHooks? hooks,
        ResourceModifierRules? modifiers, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> pluginConfig,
        TimeProvider time)
    {
        _request = request;
        _options = options;
        _api = api;
        _spool = spool;
        _log = log;
        _actions = actions;
        _hooks = hooks;
        _modifiers = modifiers;
        _pluginConfig = pluginConfig;
        _time = time;
        _discovery = discovery;
        _scope = new RestoreScope(request.Restore.Spec, discovery);
        _mapping = new Dictionary<string, string>(request.Restore.Spec.NamespaceMapping ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        _backupName = request.Backup.Metadata.Name;
        _restoreName = request.Restore.Metadata.Name;
        Restored = new RestoredItems();
        Hooks = new HookCounter();
        _namespaces = new NamespaceEnsurer(api, spool, Restored, log, time, options.TerminatingNamespaceTimeout, _backupName, _restoreName);
    }

    public RestoredItems Restored { get; }

    public HookCounter Hooks { get; }

    public int TotalItems => Volatile.Read(ref _totalItems);

    public int ItemsRestored => Volatile.Read(ref _itemsRestored);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var priorities = string.IsNullOrWhiteSpace(_options.ResourcePriorities)
            ? RestorePriorities.Default
            : RestorePriorities.Parse(_options.ResourcePriorities);
        // Upstream resolves every priority name through discovery before matching the backup's types (ResourceFor in
        // getOrderedResourceCollection), so "roles" orders roles.rbac.authorization.k8s.io. Only plural names resolve here:
        // the singular typo of the defaults keeps never matching, as spec 5.2 records.
        priorities = new RestorePriorities([.. priorities.High.Select(ResolvePriority)], [.. priorities.Low.Select(ResolvePriority)]);
        var order = priorities.Order(_spool.GroupResources).Distinct(StringComparer.Ordinal)
            .Where(gr => _spool.ItemsOf(gr).Count > 0).ToList();

        // Totals first, so progress has a denominator from the start.
        var selected = new List<(string Type, List<SpooledItem> Items)>();
        foreach (var type in order)
        {
            var items = Select(type);
            if (items.Count > 0)
            {
                selected.Add((type, items));
                _totalItems += items.Count;
            }
        }

        _log.Info($"Restoring {_totalItems} items of {selected.Count} resource types from backup {_backupName}");

        // Pass 1: custom resource definitions, waited on until Established, then discovery again.
        if (selected.FirstOrDefault(s => s.Type == CustomResourceDefinitions) is { Items: not null } crds)
        {
            await RestoreTypeAsync(crds.Items, cancellationToken);
            await WaitForCrdsAsync(crds.Items, cancellationToken);
            await RefreshDiscoveryAsync(cancellationToken);
        }

        // Pass 2: every other type in priority order, one after another.
        foreach (var (type, items) in selected.Where(s => s.Type != CustomResourceDefinitions))
        {
            if (type == "namespaces")
            {
                await RestoreNamespacesAsync(items, cancellationToken);
                continue;
            }

            _log.Info($"Restoring resource '{type}' ({items.Count} items)", type);
            await RestoreTypeAsync(items, cancellationToken);
        }

        if (!_hookTasks.IsEmpty)
        {
            _log.Info($"Waiting for {_hookTasks.Count} pods' post-restore hooks");
            await Task.WhenAll(_hookTasks);
        }
    }

    /// <summary>The items of a type the spec selects: type, scope and namespace filters, then labels.</summary>
    private List<SpooledItem> Select(string type)
    {
        var canonical = _discovery.Canonical(type);
        if (!_scope.IncludesType(canonical))
        {
            _log.Info("Skipping restore of resource because the restore spec excludes it", type);
            return [];
        }

        var selected = new List<SpooledItem>();
        var bySelector = _request.Restore.Spec.LabelSelector is not null || _request.Restore.Spec.OrLabelSelectors is { Count: > 0 };
        foreach (var item in _spool.ItemsOf(type))
        {
            var ns = item.Path.Namespace;
            if (!_scope.IncludesScope(canonical, ns))
            {
                continue;
            }

            if (type == "namespaces" && !_scope.IncludesNamespace(item.Path.Name))
            {
                continue;
            }

            if (bySelector && !MatchesSelector(canonical, item))
            {
                continue;
            }

            selected.Add(item);
        }

        return selected;
    }

    private bool MatchesSelector(string type, SpooledItem item)
    {
        try
        {
            return _scope.MatchesLabels(type, _spool.Read(item));
        }
        catch (InvalidDataException)
        {
            // Kept: the pipeline reports the item as undecodable.
            return true;
        }
    }

    private async Task RestoreNamespacesAsync(List<SpooledItem> items, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            await _namespaces.EnsureAsync(item.Path.Name, _scope.TargetNamespace(item.Path.Name), cancellationToken, asItem: true);
            Interlocked.Increment(ref _itemsRestored);
        }
    }

    private Task RestoreTypeAsync(List<SpooledItem> items, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Workers), CancellationToken = cancellationToken },
            async (item, token) =>
            {
                await RestoreOnceAsync(item, additional: false, [], token);
                Interlocked.Increment(ref _itemsRestored);
            });

    /// <summary>
    /// Runs the pipeline for an item once per restore, whoever asks first (its type's turn, or an action needing it);
    /// later askers wait for that run. <paramref name="chain"/> holds the items waiting on this one, so an action cycle
    /// does not wait on itself.
    /// </summary>
    private Task RestoreOnceAsync(SpooledItem item, bool additional, ImmutableHashSet<(string, string?, string)> chain,
        CancellationToken cancellationToken)
    {
        var key = (item.GroupResource, item.Path.Namespace, item.Path.Name);
        if (chain.Contains(key))
        {
            return Task.CompletedTask;
        }

        return _started.GetOrAdd(key, _ => new Lazy<Task>(() => RestoreItemAsync(item, additional, chain.Add(key), cancellationToken))).Value;
    }

    private async Task RefreshDiscoveryAsync(CancellationToken cancellationToken)
    {
        try
        {
            _discovery = new DiscoveryModel(await ApiDiscovery.DiscoverAsync(_api, cancellationToken));
            _scope = new RestoreScope(_request.Restore.Spec, _discovery);
        }
        catch (HttpRequestException e)
        {
            _log.Warn(null, $"refresh discovery after restoring CRDs: {e.Message}");
        }
    }

    private async Task WaitForCrdsAsync(List<SpooledItem> crds, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.CrdEstablishTimeout;
        foreach (var crd in crds)
        {
            var path = $"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/{Uri.EscapeDataString(crd.Path.Name)}";
            while (true)
            {
                var current = await _api.GetAsync(path, cancellationToken);
                if (current is null)
                {
                    break;
                }

                var established = (current["status"]?["conditions"] as JsonArray ?? [])
                    .OfType<JsonObject>()
                    .Any(c => (string?)c["type"] == "Established" && (string?)c["status"] == "True");
                if (established)
                {
                    break;
                }

                if (_time.GetUtcNow() >= deadline)
                {
                    _log.Error(null, $"the CRD {crd.Path.Name} is not available to use for custom resources");
                    break;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), _time, cancellationToken);
            }
        }
    }

    private string ResolvePriority(string name) =>
        _discovery.ResourceFor(name) is { } type && type.Resource == name.Split('.')[0] ? type.GroupResource : name;

    private static string ResourceId(string type, string? @namespace, string name) =>
        @namespace is null ? $"{type}/{name}" : $"{type}/{@namespace}/{name}";

    private static (string Group, string Version) SplitApiVersion(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }
}
