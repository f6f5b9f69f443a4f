using System.Collections.Immutable;
using System.Net;
using System.Text.Json.Nodes;
using Velero.Kubernetes.Raw;
using Velero.ObjectStorage;
using Velero.Restorer.Actions;
using Velero.Restorer.Items;

namespace Velero.Restorer.Engine;

/// <summary>The per-item pipeline of spec 5.3 (upstream's <c>restoreItem</c>).</summary>
internal sealed partial class RestoreRun
{
    private async Task RestoreItemAsync(SpooledItem spooled, bool additional, ImmutableHashSet<(string, string?, string)> chain,
        CancellationToken cancellationToken)
    {
        var type = spooled.GroupResource;
        var sourceNamespace = spooled.Path.Namespace;
        var targetNamespace = sourceNamespace is null ? null : _scope.TargetNamespace(sourceNamespace);
        var name = spooled.Path.Name;
        var resourceId = ResourceId(type, targetNamespace, name);

        JsonObject obj;
        try
        {
            obj = _spool.Read(spooled);
        }
        catch (InvalidDataException e)
        {
            _log.Error(targetNamespace, $"error decoding \"{spooled.Path}\": {e.Message}");
            return;
        }

        var apiVersion = (string?)obj["apiVersion"] ?? "";
        var kind = (string?)obj["kind"] ?? "";
        if (additional && !_scope.AllowsAdditional(_discovery.Canonical(type), sourceNamespace))
        {
            _log.Info("Not restoring additional item because the restore spec excludes it", type, targetNamespace, name);
            return;
        }

        if (RestoreItemPreparation.SkipReason(type, obj) is { } skip)
        {
            _log.Info($"{(sourceNamespace is null ? name : $"{sourceNamespace}/{name}")} is skipped: {skip}", type, targetNamespace, name);
            if (skip.StartsWith("mirror", StringComparison.Ordinal))
            {
                Restored.Record(apiVersion, kind, targetNamespace, name, RestoredItems.Skipped);
            }

            return;
        }

        if (sourceNamespace is not null && !await _namespaces.EnsureAsync(sourceNamespace, targetNamespace!, cancellationToken))
        {
            return;
        }

        (string Action, string Name) outcome;
        try
        {
            outcome = await RunPipelineAsync(obj, type, targetNamespace, name, resourceId, chain, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The API server could not be reached for this item (a dropped connection, a timeout): an error of the item,
            // as any other failed create; the other items go on.
            _log.Error(targetNamespace, $"error restoring {resourceId}: {MessageSanitizer.Sanitize(e.Message)}");
            outcome = (RestoredItems.Failed, name);
        }

        Restored.Record(apiVersion, kind, targetNamespace, outcome.Name, outcome.Action);
    }

    private async Task<(string Action, string Name)> RunPipelineAsync(JsonObject obj, string type, string? targetNamespace, string name, string resourceId, ImmutableHashSet<(string, string?, string)> chain,
        CancellationToken cancellationToken)
    {
        var issues = new ItemIssues(_log, targetNamespace);
        var backedUp = (JsonObject)obj.DeepClone();

        if (type == PersistentVolumes && !await PrepareVolumeAsync(obj, name, cancellationToken))
        {
            return (issues.Outcome(RestoredItems.Skipped), name);
        }

        var status = RestoreItemPreparation.StripForCreate(obj);
        var context = new RestoreItemContext
        {
            Restore = _request.Restore,
            Backup = _request.Backup,
            Client = _request.Client,
            GroupResource = type,
            BackedUpItem = backedUp,
            TargetNamespace = targetNamespace,
            NamespaceMapping = _mapping,
            PluginConfig = _pluginConfig,
            Log = _log,
            Hooks = Hooks,
        };

        foreach (var action in _actions)
        {
            if (!action.AppliesTo(type))
            {
                continue;
            }

            RestoreItemActionResult result;
            try
            {
                result = await action.ExecuteAsync(context, obj, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                issues.Error($"error preparing {resourceId}: {e.Message}");
                return (issues.Outcome(RestoredItems.Failed), name);
            }

            if (result.Skip)
            {
                _log.Info($"Skipping restore because a registered plugin ({action.Name}) discarded it", type, targetNamespace, name);
                return (issues.Outcome(RestoredItems.Skipped), name);
            }

            obj = result.Item;
            foreach (var needed in result.AdditionalItems)
            {
                if (_spool.Find(needed) is { } item)
                {
                    await RestoreOnceAsync(item, additional: true, chain, cancellationToken);
                }
                else
                {
                    _log.Info($"Additional item {needed} is not in the backup", type, targetNamespace, name);
                }
            }
        }

        if (type == PersistentVolumeClaims)
        {
            PrepareClaim(obj);
        }

        // Upstream applies every rule it can and files each failure as an error of the item, which is still created.
        foreach (var failure in _modifiers?.Apply(obj, type) ?? [])
        {
            issues.Error(failure.Message);
        }

        RestoreItemPreparation.SetTarget(obj, targetNamespace, _backupName, _restoreName);
        var createName = (string?)obj["metadata"]?["name"] ?? name;
        var resource = _discovery.ResourceFor(type);
        var (group, version) = SplitApiVersion((string?)obj["apiVersion"] ?? "");
        if (resource is null || version.Length == 0)
        {
            issues.Warn($"error getting updated resource client for namespace \"{targetNamespace}\", resource \"{type}\": the server could not find the requested resource");
            return (issues.Outcome(RestoredItems.Failed), createName);
        }

        var collection = ClusterApi.GroupVersionPath(group, version)
            + (resource.Namespaced && targetNamespace is not null ? $"/namespaces/{Uri.EscapeDataString(targetNamespace)}" : "")
            + "/" + resource.Resource;
        var objectPath = collection + "/" + Uri.EscapeDataString(createName);

        var response = await _api.CreateAsync(collection, obj, cancellationToken);
        if (response.Status == HttpStatusCode.Conflict && response.Reason is "AlreadyExists" or null)
        {
            return (await ReconcileExistingAsync(obj, type, objectPath, createName, issues, cancellationToken), createName);
        }

        if (!response.IsSuccess)
        {
            issues.Error($"error restoring {resourceId}: {response.Message}");
            return (issues.Outcome(RestoredItems.Failed), createName);
        }

        var created = response.Json();
        await RestoreManagedFieldsAsync(backedUp, created, objectPath, issues, cancellationToken);
        if (status is not null && _scope.RestoresStatus(type, obj))
        {
            await RestoreStatusAsync(obj, created, status, objectPath, issues, cancellationToken);
        }

        if (_hooks is not null && type == "pods" && created is not null)
        {
            _hookTasks.Add(_hooks.RunAsync(context, created, cancellationToken));
        }

        return (issues.Outcome(RestoredItems.Created), createName);
    }

    /// <summary>Upstream re-applies the backed-up managed fields after create, so ownership of fields survives the restore.</summary>
    private async Task RestoreManagedFieldsAsync(JsonObject backedUp, JsonObject? created, string objectPath, ItemIssues issues,
        CancellationToken cancellationToken)
    {
        if (backedUp["metadata"]?["managedFields"] is not JsonArray { Count: > 0 } managed
            || JsonNode.DeepEquals(managed, created?["metadata"]?["managedFields"]))
        {
            return;
        }

        var patch = new JsonObject { ["metadata"] = new JsonObject { ["managedFields"] = managed.DeepClone() } };
        var response = await _api.MergePatchAsync(objectPath, patch, cancellationToken);
        if (!response.IsSuccess)
        {
            issues.Error($"error patch for managed fields {objectPath}: {response.Message}");
        }
    }

    private async Task RestoreStatusAsync(JsonObject obj, JsonObject? created, JsonNode status, string objectPath, ItemIssues issues,
        CancellationToken cancellationToken)
    {
        var withStatus = (JsonObject)obj.DeepClone();
        withStatus["status"] = status.DeepClone();
        if (withStatus["metadata"] is JsonObject metadata)
        {
            metadata["resourceVersion"] = created?["metadata"]?["resourceVersion"]?.DeepClone();
        }

        var response = await _api.ReplaceAsync(objectPath + "/status", withStatus, cancellationToken);
        if (!response.IsSuccess)
        {
            issues.Error($"could not set status field {objectPath}: {response.Message}");
        }
    }

    /// <summary>
    /// The item exists in the cluster (spec 5.3 step 9): identical after stripping means skipped (with the <c>update</c>
    /// policy the backup and restore labels are still patched); different means a merged ServiceAccount, or upstream's
    /// warning, or with <c>update</c> a merge patch to the backed-up version.
    /// </summary>
    private async Task<string> ReconcileExistingAsync(JsonObject obj, string type, string objectPath, string name, ItemIssues issues,
        CancellationToken cancellationToken)
    {
        var kind = (string?)obj["kind"] ?? "";
        JsonObject? fromCluster;
        try
        {
            fromCluster = await _api.GetAsync(objectPath, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            issues.Warn(e.Message);
            return issues.Outcome(RestoredItems.Skipped);
        }

        if (fromCluster is null)
        {
            issues.Warn($"{kind} \"{name}\" already exists, but could not be read back");
            return issues.Outcome(RestoredItems.Skipped);
        }

        RestoreItemPreparation.StripForCreate(fromCluster);
        var inCluster = (JsonObject)fromCluster.DeepClone();
        RestoreItemPreparation.SetTarget(fromCluster, null, _backupName, _restoreName);
        var policy = _request.Restore.Spec.ExistingResourcePolicy;
        if (JsonNode.DeepEquals(fromCluster, obj))
        {
            if (policy == "update")
            {
                await PatchAsync(MergePatch.Create(inCluster, fromCluster), objectPath, issues, asError: true, cancellationToken);
            }

            _log.Info($"Restore of {name} skipped: it already exists in the cluster and is the same as the backed up version", type, name: name);
            return issues.Outcome(RestoredItems.Skipped);
        }

        if (type == ServiceAccounts)
        {
            var desired = MergeServiceAccounts(fromCluster, obj);
            if (MergePatch.Create(fromCluster, desired) is not { } patch)
            {
                return issues.Outcome(RestoredItems.Skipped);
            }

            if (await PatchAsync(patch, objectPath, issues, asError: false, cancellationToken))
            {
                return issues.Outcome(RestoredItems.Updated);
            }

            if (policy == "update")
            {
                await PatchAsync(MergePatch.Create(inCluster, fromCluster), objectPath, issues, asError: true, cancellationToken);
            }

            return issues.Outcome(RestoredItems.Failed);
        }

        switch (policy)
        {
            case "none":
                issues.Warn($"could not restore, {kind} \"{name}\" already exists. Warning: the in-cluster version is different than the backed-up version");
                return issues.Outcome(RestoredItems.Failed);
            case "update":
                var cleared = (JsonObject)fromCluster.DeepClone();
                ClearRestoreLabels(cleared);
                if (MergePatch.Create(cleared, obj) is not { } update)
                {
                    return issues.Outcome(RestoredItems.Skipped);
                }

                if (await PatchAsync(update, objectPath, issues, asError: false, cancellationToken))
                {
                    return issues.Outcome(RestoredItems.Updated);
                }

                await PatchAsync(MergePatch.Create(inCluster, fromCluster), objectPath, issues, asError: true, cancellationToken);
                return issues.Outcome(RestoredItems.Failed);
            default:
                issues.Warn($"could not restore, {kind}:{name} already exists. Warning: the in-cluster version is different than the backed-up version");
                return issues.Outcome(RestoredItems.Failed);
        }
    }

    private async Task<bool> PatchAsync(JsonObject? patch, string objectPath, ItemIssues issues, bool asError, CancellationToken cancellationToken)
    {
        if (patch is null)
        {
            return true;
        }

        var response = await _api.MergePatchAsync(objectPath, patch, cancellationToken);
        if (response.IsSuccess)
        {
            return true;
        }

        if (asError)
        {
            issues.Error(response.Message);
        }
        else
        {
            issues.Warn(response.Message);
        }

        return false;
    }

    /// <summary>Upstream's <c>mergeServiceAccounts</c>: the in-cluster account plus the backed-up secrets and pull secrets it lacks.</summary>
    private static JsonObject MergeServiceAccounts(JsonObject fromCluster, JsonObject backedUp)
    {
        var desired = (JsonObject)fromCluster.DeepClone();
        foreach (var field in new[] { "secrets", "imagePullSecrets" })
        {
            if (backedUp[field] is not JsonArray wanted || wanted.Count == 0)
            {
                continue;
            }

            var have = desired[field] as JsonArray ?? [];
            desired[field] = have;
            var names = have.Select(s => (string?)s?["name"]).ToHashSet(StringComparer.Ordinal);
            foreach (var secret in wanted)
            {
                if (names.Add((string?)secret?["name"]))
                {
                    have.Add(secret?.DeepClone());
                }
            }
        }

        return desired;
    }

    private static void ClearRestoreLabels(JsonObject obj)
    {
        if (obj["metadata"]?["labels"] is JsonObject labels)
        {
            labels[Velero.Api.WellKnown.BackupNameLabel] = "";
            labels[Velero.Api.WellKnown.RestoreNameLabel] = "";
        }
    }
}
