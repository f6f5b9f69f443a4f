using Velero.Kubernetes.Raw;
using Microsoft.Extensions.Options;
using Velero.Api.V1;
using Velero.BackupFormat.Layout;
using Velero.ObjectStorage;
using Velero.Selection.Items;
using Velero.Selection.Resources;
using Velero.Selection.Validation;
using k8s.Models;
using Velero.Snapshotter.Collection.Hooks;

namespace Velero.Snapshotter.Collection;

/// <summary>
/// Backs up one cluster into one BackupStorageLocation as Velero 1.18 does: the selected resources streamed into the
/// resource tarball while they are listed, then the log, results, resource list and volume files, and last
/// <c>velero-backup.json</c>. A backup that cannot finish leaves nothing behind and throws
/// <see cref="BackupCollectionException"/> with its failure reason.
/// </summary>
public sealed class BackupCollector(IOptions<CollectorOptions> options, TimeProvider time, ILogger<BackupCollector> logger)
{
    public async Task<CollectionResult> CollectAsync(CollectionRequest request, IProgress<CollectionProgress> progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        var name = request.Backup.Metadata.Name;
        var location = request.Location;
        await EnsureNewAsync(request, cancellationToken);

        var settings = options.Value;
        var log = new BackupLog(time, $"{request.Backup.Metadata.NamespaceProperty}/{name}");
        TarballUpload? tarball = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            log.Info("Setting up backup");
            var api = new ClusterApi(request.Client);
            var (discovery, selection, namespaces) = await Fail("error getting cluster resources", () => PrepareAsync(api, request, settings, log, stop.Token));

            tarball = TarballUpload.Start(location, BackupLayout.BackupTarball(name), time, stop.Token);
            var run = new CollectionRun(request, settings, api, log, new PodHookRunner(request.Client, time), discovery, selection,
                namespaces, tarball, logger);
            var upload = tarball;
            _ = upload.Upload.ContinueWith(_ => StopQuietly(stop), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted,
                TaskScheduler.Default);

            using (var reporting = CancellationTokenSource.CreateLinkedTokenSource(stop.Token))
            {
                var reporter = ReportProgressAsync(run, progress, settings.ProgressInterval, reporting.Token);
                try
                {
                    await run.RunAsync(stop.Token);
                    await tarball.CompleteAsync();
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested
                    && (upload.Upload.IsFaulted || (e is not OperationCanceledException && e is not BackupCollectionException)))
                {
                    await tarball.AbortAsync(e);
                    if (upload.Upload.IsFaulted)
                    {
                        var cause = upload.Upload.Exception!.GetBaseException();
                        throw new BackupCollectionException($"error uploading backup tarball: {MessageSanitizer.Sanitize(cause.Message)}", cause);
                    }

                    throw new BackupCollectionException($"error backing up items: {MessageSanitizer.Sanitize(e.Message)}", e);
                }
                finally
                {
                    await reporting.CancelAsync();
                    await reporter;
                }
            }

            progress.Report(new CollectionProgress(run.Items.ItemsBackedUp, run.Items.ItemsBackedUp));
            var completed = time.GetUtcNow();
            var phase = log.Errors > 0 ? BackupPhase.PartiallyFailed : BackupPhase.Completed;
            log.Info($"Backed up a total of {run.Items.ItemsBackedUp} items");
            var final = BackupFiles.WithFinalStatus(request.Backup, phase, request.StartedAt, completed, run, log);

            await Fail("error uploading backup files", async () =>
            {
                await BackupFiles.WriteLogAsync(location, name, log, stop.Token);
                await BackupFiles.WriteSidecarsAsync(location, name, log, run, request.Backup.Spec.SnapshotVolumes != false, stop.Token);
                return true;
            });
            await Fail("error uploading backup metadata", async () =>
            {
                await BackupFiles.WriteMetadataAsync(location, final, stop.Token);
                return true;
            });

            logger.LogInformation("Backup {Backup} {Phase}: {Items} items, {Warnings} warnings, {Errors} errors, tarball {Bytes} bytes",
                name, phase, run.Items.ItemsBackedUp, log.Warnings, log.Errors, tarball.BytesWritten);
            return new CollectionResult
            {
                Phase = phase,
                CompletedAt = completed,
                TotalItems = run.Items.ItemsBackedUp,
                ItemsBackedUp = run.Items.ItemsBackedUp,
                Warnings = log.Warnings,
                Errors = log.Errors,
                HooksAttempted = run.Items.HooksAttempted,
                HooksFailed = run.Items.HooksFailed,
                TarballBytes = tarball.BytesWritten,
            };
        }
        catch (Exception e)
        {
            if (tarball is not null)
            {
                await tarball.AbortAsync(e);
            }

            await DeleteWrittenAsync(location, name);
            // Whatever the cancellation broke on its way (the upload's body, a request), it is reported as what it is.
            if (cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Backup {Backup} was cancelled; its files were removed", name);
                if (e is OperationCanceledException)
                {
                    throw;
                }

                throw new OperationCanceledException("the backup was cancelled", e, cancellationToken);
            }

            var failure = e as BackupCollectionException
                ?? new BackupCollectionException($"error backing up: {MessageSanitizer.Sanitize(e.Message)}", e);
            logger.LogError("Backup {Backup} failed: {Reason}", name, failure.Message);
            throw failure;
        }
        finally
        {
            tarball?.Dispose();
        }
    }

    // The upload can fail after the backup has already ended and disposed of its token source.
    private static void StopQuietly(CancellationTokenSource stop)
    {
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static async Task EnsureNewAsync(CollectionRequest request, CancellationToken cancellationToken)
    {
        bool exists;
        try
        {
            exists = await request.Location.ExistsAsync(BackupLayout.BackupMetadata(request.Backup.Metadata.Name), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new BackupCollectionException(
                $"error checking if backup already exists in object storage: {MessageSanitizer.Sanitize(e.Message)}", e);
        }

        if (exists)
        {
            throw new BackupCollectionException("backup already exists in object storage");
        }
    }

    private static async Task<(DiscoveryModel, BackupSelection, IReadOnlyList<(Selection.Namespaces.ClusterNamespace, System.Text.Json.Nodes.JsonObject)>)>
        PrepareAsync(ClusterApi api, CollectionRequest request, CollectorOptions settings, BackupLog log, CancellationToken cancellationToken)
    {
        var discovered = await ApiDiscovery.DiscoverAsync(api, cancellationToken);
        var discovery = new DiscoveryModel(discovered);
        var namespaceType = discovery.Resources.FirstOrDefault(r => r.GroupResource == KnownResources.Namespaces)
            ?? throw new InvalidOperationException("the cluster does not serve namespaces");
        var namespaces = await ClusterDiscovery.NamespacesAsync(api, namespaceType, settings.PageSize, cancellationToken);

        // Namespaces labelled velero.io/exclude-from-backup=true join the excluded namespaces (spec 4.2).
        var spec = KubernetesClientCopy(request.Backup).Spec;
        var excluded = namespaces.Where(n => n.Namespace.IsExcludedFromBackup).Select(n => n.Namespace.Name).ToList();
        if (excluded.Count > 0)
        {
            spec.ExcludedNamespaces = [.. (spec.ExcludedNamespaces ?? []).Union(excluded, StringComparer.Ordinal)];
        }

        // Velero backs up only the CSI snapshots it creates itself; the scheduler's defaulting adds these excludes
        // already, added again here (idempotently) so that no caller can back them up by omission.
        if (BackupSelection.UsesOldResourceFilters(spec))
        {
            spec.ExcludedResources = [.. (spec.ExcludedResources ?? []).Union(
                [.. AutoExcludedResources.NamespaceScoped, .. AutoExcludedResources.ClusterScoped], StringComparer.Ordinal)];
        }
        else
        {
            spec.ExcludedNamespaceScopedResources = [.. (spec.ExcludedNamespaceScopedResources ?? []).Union(
                AutoExcludedResources.NamespaceScoped, StringComparer.Ordinal)];
            spec.ExcludedClusterScopedResources = [.. (spec.ExcludedClusterScopedResources ?? []).Union(
                AutoExcludedResources.ClusterScoped, StringComparer.Ordinal)];
        }

        var policy = await ReadIncludeExcludePolicyAsync(api, request.Backup, cancellationToken);
        var selection = BackupSelection.Create(spec, discovery, namespaces.Select(n => n.Namespace), policy);
        foreach (var ns in selection.ArgoCdManagedNamespaces(namespaces.Select(n => n.Namespace)))
        {
            log.Warn($"Namespace {ns} is managed by ArgoCD; restoring it may conflict with ArgoCD", @namespace: ns);
        }

        return (discovery, selection, namespaces);
    }

    /// <summary>
    /// The include/exclude policy of the backup's resource-policy ConfigMap (spec 4.3), read as the scheduler validated
    /// it; a ConfigMap gone or changed into something invalid since then fails the backup with upstream's message.
    /// </summary>
    private static async Task<IncludeExcludePolicy?> ReadIncludeExcludePolicyAsync(ClusterApi api, Backup backup,
        CancellationToken cancellationToken)
    {
        if (backup.Spec.ResourcePolicy is not { } reference
            || !string.Equals(reference.Kind, "configmap", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var ns = backup.Metadata.NamespaceProperty;
        var obj = await api.GetAsync($"/api/v1/namespaces/{Uri.EscapeDataString(ns)}/configmaps/{Uri.EscapeDataString(reference.Name)}",
            cancellationToken)
            ?? throw new InvalidOperationException($"resource policy ConfigMap {ns}/{reference.Name} not found");
        var (policy, error) = ResourcePolicyReader.Read(k8s.KubernetesJson.Deserialize<V1ConfigMap>(obj.ToJsonString()),
            $"{ns}/{backup.Metadata.Name}");
        return error is null ? policy : throw new InvalidOperationException(error);
    }

    private static Backup KubernetesClientCopy(Backup backup) =>
        k8s.KubernetesJson.Deserialize<Backup>(k8s.KubernetesJson.Serialize(backup));

    private static async Task<T> Fail<T>(string reason, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception e) when (e is not OperationCanceledException && e is not BackupCollectionException)
        {
            throw new BackupCollectionException($"{reason}: {MessageSanitizer.Sanitize(e.Message)}", e);
        }
    }

    private async Task ReportProgressAsync(CollectionRun run, IProgress<CollectionProgress> progress, TimeSpan interval,
        CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        var last = -1;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var done = run.Items.ItemsBackedUp;
                if (done != last)
                {
                    last = done;
                    progress.Report(new CollectionProgress(Math.Max(run.Items.TotalItems, done), done));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The backup ended; the caller sends the final report.
        }
    }

    // Best effort, whatever ended the backup: a location must not keep half a backup (upstream deletes what it wrote).
    private async Task DeleteWrittenAsync(Velero.ObjectStorage.Locations.ObjectStoreLocation location, string name)
    {
        try
        {
            var keys = new List<string>();
            await foreach (var key in location.ListKeysAsync(BackupLayout.BackupPrefix(name), CancellationToken.None))
            {
                keys.Add(key);
            }

            foreach (var key in keys)
            {
                await location.DeleteAsync(key, CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not remove the files of failed backup {Backup}: {Error}", name, MessageSanitizer.Sanitize(e.Message));
        }
    }
}
