using System.Text.Json.Nodes;
using Velero.KubeEmulator.Engine;
using Velero.KubeEmulator.Json;

namespace Velero.KubeEmulator.Controllers;

/// <summary>
/// What the namespace controller and the CRD finalizer do: empty a terminating namespace, then drop its
/// "kubernetes" finalizer; delete every object of a terminating CRD, then drop the cleanup finalizer.
/// Objects with finalizers of their own keep their namespace terminating until those go, as on a real cluster.
/// Also runs the garbage collector for objects whose owners are gone.
/// </summary>
internal sealed class FinalizationController : IAsyncDisposable
{
    private readonly Cluster _cluster;
    private readonly GarbageCollector _collector;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FinalizationController(Cluster cluster)
    {
        _cluster = cluster;
        _collector = new GarbageCollector(cluster);
        cluster.Changed += Wake;
        _loop = Task.Run(RunAsync);
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var pending = false;
            try
            {
                pending = FinishNamespaces() | FinishCrds() | _collector.Collect();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A controller keeps going; the failure is retried on the next pass.
                await Console.Error.WriteLineAsync($"emulator finalization controller: {e}");
                pending = true;
            }

            try
            {
                // Work left (objects still finalizing) is looked at again shortly, like a controller's requeue.
                await _wake.WaitAsync(pending ? TimeSpan.FromMilliseconds(200) : Timeout.InfiniteTimeSpan, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private bool FinishNamespaces()
    {
        var namespaces = _cluster.Type("", "namespaces");
        var pending = false;
        foreach (var ns in _cluster.Store.List(namespaces.StorageKey, "").Items)
        {
            var obj = Meta.ParseObject(ns.Json);
            if (obj["metadata"]?["deletionTimestamp"] is null)
            {
                continue;
            }

            var remaining = 0;
            foreach (var key in _cluster.Store.StorageKeys)
            {
                var type = _cluster.Registry.ByStorageKey(key).FirstOrDefault();
                if (type is null || !type.Namespaced)
                {
                    continue;
                }

                foreach (var item in _cluster.Store.List(key, ns.Name).Items)
                {
                    remaining++;
                    DeleteQuietly(type, ns.Name, item);
                }
            }

            if (remaining == 0)
            {
                _cluster.Objects.RemoveFinalizer(namespaces, "", ns.Name, "kubernetes", fromSpec: true);
            }
            else
            {
                pending = true;
            }
        }

        return pending;
    }

    private bool FinishCrds()
    {
        var crds = _cluster.Type("apiextensions.k8s.io", "customresourcedefinitions");
        var pending = false;
        foreach (var crd in _cluster.Store.List(crds.StorageKey, "").Items)
        {
            var obj = Meta.ParseObject(crd.Json);
            if (obj["metadata"]?["deletionTimestamp"] is null)
            {
                continue;
            }

            var key = $"{Meta.Str(obj["spec"], "group")}/{Meta.Str(obj["spec"]?["names"], "plural")}";
            var type = _cluster.Registry.ByStorageKey(key).FirstOrDefault();
            var items = _cluster.Store.List(key, null).Items;
            if (items.Length == 0 || type is null)
            {
                _cluster.Objects.RemoveFinalizer(crds, "", crd.Name, ObjectWriter.CrdCleanupFinalizer);
                continue;
            }

            pending = true;
            foreach (var item in items)
            {
                DeleteQuietly(type, item.Namespace, item);
            }
        }

        return pending;
    }

    private void DeleteQuietly(Resources.ResourceType type, string ns, Storage.StoredObject item)
    {
        if (Meta.ParseObject(item.Json)["metadata"]?["deletionTimestamp"] is JsonNode)
        {
            return;
        }

        try
        {
            _cluster.Objects.Delete(type, ns, item.Name, new DeleteOptions(null, null, false));
        }
        catch (Api.ApiException e) when (e.Code is 404 or 409)
        {
            // Gone or changed meanwhile; the next pass sees the new state.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _cluster.Changed -= Wake;
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _wake.Dispose();
    }
}
