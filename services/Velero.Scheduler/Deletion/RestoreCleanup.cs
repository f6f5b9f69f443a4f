using System.Net;
using System.Text.Json.Nodes;
using k8s.Autorest;
using Velero.Api.V1;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Resources;

namespace Velero.Scheduler.Deletion;

/// <summary>Upstream's Restore finalizer (<c>controller.ExternalResourcesFinalizer</c>), put on and taken off.</summary>
internal static class RestoreCleanup
{
    /// <summary>Removes a deleted Restore's files from its backup's location before the Restore goes.</summary>
    public const string Finalizer = "restores.velero.io/external-resources-finalizer";

    public static bool HasFinalizer(Restore restore) => restore.Metadata.Finalizers?.Contains(Finalizer) is true;

    public static bool IsDeleted(Restore restore) => restore.Metadata.DeletionTimestamp is not null;

    /// <summary>Adds the finalizer to a Restore not being deleted, as upstream's restore controller does to every one.</summary>
    public static Task AddFinalizerAsync(ClusterConnection cluster, Restore restore, CancellationToken cancellationToken) =>
        SetFinalizersAsync(cluster, restore, [.. restore.Metadata.Finalizers ?? [], Finalizer], cancellationToken);

    /// <summary>Takes the finalizer off, letting the Restore go; a Restore already gone is fine.</summary>
    public static Task ReleaseAsync(ClusterConnection cluster, Restore restore, CancellationToken cancellationToken) =>
        SetFinalizersAsync(cluster, restore, [.. (restore.Metadata.Finalizers ?? []).Where(f => f != Finalizer)], cancellationToken);

    private static async Task SetFinalizersAsync(ClusterConnection cluster, Restore restore, List<string> finalizers,
        CancellationToken cancellationToken)
    {
        var list = new JsonArray([.. finalizers.Distinct(StringComparer.Ordinal).Select(f => JsonValue.Create(f))]);
        var patch = new JsonObject
        {
            // The resourceVersion makes the merge patch a compare-and-swap: finalizers another controller changed
            // meanwhile are not overwritten (the conflict is retried at the next event or resync).
            ["metadata"] = new JsonObject { ["finalizers"] = list, ["resourceVersion"] = restore.Metadata.ResourceVersion },
        };
        try
        {
            await new CustomResourceClient<Restore>(cluster.Client).PatchAsync(restore.Metadata.NamespaceProperty,
                restore.Metadata.Name, patch, cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
        }
    }
}
