using System.Text.Json.Nodes;
using k8s;
using Microsoft.Extensions.Options;
using Velero.Api.V1;
using Velero.Kubernetes.Raw;
using Velero.ObjectStorage;
using Velero.ResourceModifiers;
using Velero.Restorer.Actions;
using Velero.Selection.Resources;

namespace Velero.Restorer.Engine;

/// <summary>
/// Restores one backup into one cluster as Velero 1.18 does, faster: the tarball is read once into an indexed spool
/// (a corrupt backup fails here, before anything is created), then types are restored in upstream's order with the
/// items of each type in parallel. Whatever happens, the restore's log, results and resource list are written under
/// <c>restores/&lt;name&gt;/</c>, so a failed restore still says what it created before the fault.
/// </summary>
public sealed class RestoreEngine(
    IOptions<RestoreEngineOptions> options,
    IEnumerable<IRestoreItemAction> actions,
    IPostRestoreHooks? hooks,
    TimeProvider time,
    ILogger<RestoreEngine> logger)
{
    private const string PluginConfigLabel = "velero.io/plugin-config";
    private readonly IReadOnlyList<IRestoreItemAction> _actions = [.. actions];

    public async Task<RestoreOutcome> RestoreAsync(RestoreRequest request, IProgress<RestoreEngineProgress> progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        var settings = options.Value;
        var restore = request.Restore;
        var name = restore.Metadata.Name;
        var log = new RestoreLog(time, $"{restore.Metadata.NamespaceProperty}/{name}");
        var api = new ClusterApi(request.Client);
        RestoreRun? run = null;
        string? failure = null;

        log.Info($"starting restore of backup {request.Backup.Metadata.Name}");
        try
        {
            using var spool = await BackupSpool.ReadAsync(request.Location, request.Backup.Metadata.Name, settings.SpoolDirectory, cancellationToken);
            log.Info($"Read {spool.Count} items of {spool.GroupResources.Count} resource types from the backup tarball");
            var discovery = new DiscoveryModel(await Cluster("error getting discovery", () => ApiDiscovery.DiscoverAsync(api, cancellationToken)));
            var pluginConfig = await Cluster("error reading plugin configuration",
                () => ReadPluginConfigAsync(api, restore.Metadata.NamespaceProperty, cancellationToken));
            var modifiers = await ReadModifiersAsync(request.Client, restore, cancellationToken);
            run = new RestoreRun(request, settings, api, spool, log, discovery, _actions, hooks, modifiers, pluginConfig, time);

            using var reporting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var reporter = ReportAsync(run, progress, settings.ProgressInterval, reporting.Token);
            try
            {
                await run.RunAsync(cancellationToken);
            }
            finally
            {
                await reporting.CancelAsync();
                await reporter;
            }

            progress.Report(new RestoreEngineProgress(run.TotalItems, run.ItemsRestored));
        }
        catch (RestoreFailedException e)
        {
            failure = e.Message;
            log.VeleroError(e.Message);
        }

        var restored = run?.Restored ?? new RestoredItems();
        var phase = failure is not null ? RestorePhase.Failed : log.Errors > 0 ? RestorePhase.PartiallyFailed : RestorePhase.Completed;
        var counts = string.Join(", ", restored.Counts().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}"));
        log.Info($"restore completed: {phase}; items {counts}");
        try
        {
            await RestoreFiles.WriteAsync(request.Location, name, log, restored, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failure ??= $"error uploading restore files: {MessageSanitizer.Sanitize(e.Message)}";
            phase = RestorePhase.Failed;
        }

        logger.LogInformation("Restore {Restore} {Phase}: {Restored} of {Total} items, {Warnings} warnings, {Errors} errors",
            name, phase, run?.ItemsRestored ?? 0, run?.TotalItems ?? 0, log.Warnings, log.Errors);
        return new RestoreOutcome
        {
            Phase = phase,
            FailureReason = failure,
            CompletedAt = time.GetUtcNow(),
            TotalItems = run?.TotalItems ?? 0,
            ItemsRestored = run?.ItemsRestored ?? 0,
            Warnings = log.Warnings,
            Errors = log.Errors,
            HooksAttempted = run?.Hooks.Attempted ?? 0,
            HooksFailed = run?.Hooks.Failed ?? 0,
        };
    }

    /// <summary>
    /// The data of the plugin configuration ConfigMaps in the Velero namespace, by the label naming their action
    /// (<c>velero.io/change-storage-class: RestoreItemAction</c>).
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> ReadPluginConfigAsync(ClusterApi api,
        string @namespace, CancellationToken cancellationToken)
    {
        var config = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var list = await api.GetAsync(
            $"/api/v1/namespaces/{Uri.EscapeDataString(@namespace)}/configmaps?labelSelector={Uri.EscapeDataString(PluginConfigLabel)}",
            cancellationToken);
        foreach (var map in (list?["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var data = (map["data"] as JsonObject ?? []).Where(p => p.Value is JsonValue)
                .ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal);
            foreach (var (label, value) in map["metadata"]?["labels"] as JsonObject ?? [])
            {
                if ((string?)value == "RestoreItemAction")
                {
                    config[label] = data;
                }
            }
        }

        return config;
    }

    /// <summary>
    /// The resource modifiers of <c>spec.resourceModifier</c>. The scheduler validated them before the restore started;
    /// a ConfigMap deleted or broken since then fails the restore rather than restoring unmodified items.
    /// </summary>
    private static async Task<ResourceModifierRules?> ReadModifiersAsync(k8s.Kubernetes client, Restore restore, CancellationToken cancellationToken)
    {
        if (restore.Spec.ResourceModifier is not { } reference || !string.Equals(reference.Kind, "ConfigMap", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var ns = restore.Metadata.NamespaceProperty;
        try
        {
            var map = await client.ReadNamespacedConfigMapAsync(reference.Name, ns, cancellationToken: cancellationToken);
            return ResourceModifierRules.FromConfigMap(map);
        }
        catch (ResourceModifierException e)
        {
            throw new RestoreFailedException(e.Message, e);
        }
        catch (k8s.Autorest.HttpOperationException e)
        {
            throw new RestoreFailedException($"failed to get resource modifiers configmap {ns}/{reference.Name}: {e.Response.ReasonPhrase}", e);
        }
    }

    private static async Task<T> Cluster<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException e)
        {
            throw new RestoreFailedException($"{what}: {MessageSanitizer.Sanitize(e.Message)}", e);
        }
    }

    private static async Task ReportAsync(RestoreRun run, IProgress<RestoreEngineProgress> progress, TimeSpan interval,
        CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                progress.Report(new RestoreEngineProgress(run.TotalItems, run.ItemsRestored));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
