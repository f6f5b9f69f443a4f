using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Velero.Kubernetes.Raw;
using Velero.Restorer.Actions;
using Velero.Restorer.Items;

namespace Velero.Restorer.Engine;

/// <summary>
/// Upstream's <c>EnsureNamespaceExistsAndIsReady</c>: before the first item of a target namespace, the namespace is
/// created from the backed-up Namespace (its labels, annotations and spec, under the mapped name), or a bare one when the
/// backup has none. An existing namespace that is terminating is waited out up to the terminating timeout. Each target
/// namespace is ensured once per restore, however many workers need it. A namespace restored as an item of the backup
/// (the <c>namespaces</c> turn, before every namespaced type) carries the <c>velero.io/backup-name</c> and
/// <c>velero.io/restore-name</c> labels, as upstream's <c>restoreItem</c> gives it; one made for a namespaced item does not.
/// </summary>
internal sealed class NamespaceEnsurer(
    ClusterApi api, BackupSpool spool, RestoredItems restored, RestoreLog log, TimeProvider time, TimeSpan terminatingTimeout,
    string backupName, string restoreName)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> _ensured = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="target"/> exists and is active; false (an error logged) when it cannot be had.</summary>
    public Task<bool> EnsureAsync(string source, string target, CancellationToken cancellationToken, bool asItem = false) =>
        _ensured.GetOrAdd(target, _ => new Lazy<Task<bool>>(() => TryCreateAsync(source, target, asItem, cancellationToken))).Value;

    private async Task<bool> TryCreateAsync(string source, string target, bool asItem, CancellationToken cancellationToken)
    {
        try
        {
            return await CreateAsync(source, target, asItem, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            log.VeleroError($"error creating namespace {target}: {e.Message}");
            return false;
        }
    }

    private async Task<bool> CreateAsync(string source, string target, bool asItem, CancellationToken cancellationToken)
    {
        var path = "/api/v1/namespaces";
        var deadline = time.GetUtcNow() + terminatingTimeout;
        while (true)
        {
            var ns = Namespace(source, target);
            if (asItem)
            {
                RestoreItemPreparation.SetTarget(ns, null, backupName, restoreName);
            }

            var response = await api.CreateAsync(path, ns, cancellationToken);
            if (response.IsSuccess)
            {
                restored.Record("v1", "Namespace", null, target, RestoredItems.Created);
                log.Info($"Created namespace {target}", "namespaces", name: target);
                return true;
            }

            if (response.Status != HttpStatusCode.Conflict)
            {
                log.VeleroError($"error creating namespace {target}: {response.Message}");
                return false;
            }

            var existing = await api.GetAsync($"{path}/{Uri.EscapeDataString(target)}", cancellationToken);
            if (existing is null)
            {
                continue;
            }

            var terminating = existing["metadata"]?["deletionTimestamp"] is not null || (string?)existing["status"]?["phase"] == "Terminating";
            if (!terminating)
            {
                return true;
            }

            if (time.GetUtcNow() >= deadline)
            {
                log.VeleroError($"timed out waiting for terminating namespace {target} to disappear before restoring");
                return false;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
        }
    }

    private JsonObject Namespace(string source, string target)
    {
        var metadata = new JsonObject { ["name"] = target };
        var ns = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = metadata };
        if (spool.Find(new ItemReference("namespaces", null, source)) is not { } spooled)
        {
            return ns;
        }

        try
        {
            var backedUp = spool.Read(spooled);
            foreach (var key in new[] { "labels", "annotations" })
            {
                if (backedUp["metadata"]?[key] is JsonObject values)
                {
                    metadata[key] = values.DeepClone();
                }
            }

            if (backedUp["spec"] is JsonObject spec)
            {
                ns["spec"] = spec.DeepClone();
            }
        }
        catch (InvalidDataException)
        {
            log.Info($"Error unmarshaling namespace {source} from backup, creating new one.", "namespaces", name: target);
        }

        return ns;
    }
}
