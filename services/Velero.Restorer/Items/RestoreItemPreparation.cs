using System.Text.Json.Nodes;
using Velero.Api;
using Velero.BackupFormat.Layout;

namespace Velero.Restorer.Items;

/// <summary>
/// The per-item steps of a restore (spec 5.3) that need nothing but the item: which backed-up items are never restored,
/// the metadata a restore strips, the binding a PV or PVC is reset from, and the namespace and labels it is created with.
/// Items are the JSON objects of the backup tarball; every method changes the object it is given.
/// </summary>
public static class RestoreItemPreparation
{
    /// <summary>The metadata keys upstream strips before creating an item; <c>managedFields</c> is kept.</summary>
    public static IReadOnlyList<string> StrippedMetadata { get; } =
    [
        "generateName", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "ownerReferences",
    ];

    private const string MirrorPodAnnotation = "kubernetes.io/config.mirror";
    private const string BindCompletedAnnotation = "pv.kubernetes.io/bind-completed";
    private const string BoundByControllerAnnotation = "pv.kubernetes.io/bound-by-controller";

    /// <summary>
    /// Why upstream passes over an item whatever the filters say, or null: a completed pod (<c>Succeeded</c> or
    /// <c>Failed</c>), a mirror pod (the kubelet recreates it from its static manifest), a completed job.
    /// </summary>
    public static string? SkipReason(string groupResource, JsonObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var phase = item["status"]?["phase"]?.GetValue<string>();
        return groupResource switch
        {
            "pods" when phase is "Succeeded" or "Failed" => "completed pods are not restored",
            "pods" when item["metadata"]?["annotations"]?[MirrorPodAnnotation] is not null => "mirror pods are not restored",
            "jobs.batch" when item["status"]?["completionTime"] is not null => "completed jobs are not restored",
            _ => null,
        };
    }

    /// <summary>Strips the metadata of <see cref="StrippedMetadata"/> and removes <c>status</c>, which is returned.</summary>
    public static JsonNode? StripForCreate(JsonObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item["metadata"] is JsonObject metadata)
        {
            foreach (var key in StrippedMetadata)
            {
                metadata.Remove(key);
            }
        }

        item.Remove("status", out var status);
        return status;
    }

    /// <summary>
    /// Upstream's <c>resetVolumeBindingInfo</c> for PVs and PVCs: the claim reference's uid and resourceVersion and the
    /// binding annotations of the PV controller go, so the restored pair binds again in the new cluster.
    /// </summary>
    public static void ResetVolumeBinding(JsonObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item["spec"]?["claimRef"] is JsonObject claimRef)
        {
            claimRef.Remove("uid");
            claimRef.Remove("resourceVersion");
        }

        if (item["metadata"]?["annotations"] is JsonObject annotations)
        {
            annotations.Remove(BindCompletedAnnotation);
            annotations.Remove(BoundByControllerAnnotation);
        }
    }

    /// <summary>
    /// The namespace the item is created in (its own, or where <c>namespaceMapping</c> sends it) and the labels
    /// <c>velero.io/backup-name</c> and <c>velero.io/restore-name</c>, with values shortened as label values are.
    /// </summary>
    public static void SetTarget(JsonObject item, string? targetNamespace, string backupName, string restoreName)
    {
        ArgumentNullException.ThrowIfNull(item);
        var metadata = item["metadata"] as JsonObject ?? [];
        item["metadata"] = metadata;
        if (!string.IsNullOrEmpty(targetNamespace))
        {
            metadata["namespace"] = targetNamespace;
        }

        var labels = metadata["labels"] as JsonObject ?? [];
        metadata["labels"] = labels;
        labels[WellKnown.BackupNameLabel] = LabelValues.GetValidName(backupName);
        labels[WellKnown.RestoreNameLabel] = LabelValues.GetValidName(restoreName);
    }
}
