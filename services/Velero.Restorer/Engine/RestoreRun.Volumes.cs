using System.Text.Json.Nodes;
using Velero.Restorer.Items;

namespace Velero.Restorer.Engine;

/// <summary>
/// Persistent volumes and claims without volume data (spec 5.3 steps 3 and 6): a volume whose reclaim policy is
/// <c>Delete</c> is not restored but dynamically re-provisioned through its claim; any other is restored as it was, its
/// binding reset and its claim reference following the namespace mapping. A volume restored for a mapped namespace while
/// a volume of its name exists gets a new name, <c>velero-clone-&lt;uuid&gt;</c>, recorded in the
/// <c>velero.io/original-pv-name</c> annotation, and its claim follows.
/// </summary>
internal sealed partial class RestoreRun
{
    private const string OriginalPvNameAnnotation = "velero.io/original-pv-name";

    /// <summary>False when the volume is left to dynamic provisioning and must not be created.</summary>
    private async Task<bool> PrepareVolumeAsync(JsonObject pv, string name, CancellationToken cancellationToken)
    {
        var reclaim = (string?)pv["spec"]?["persistentVolumeReclaimPolicy"];
        if (reclaim == "Delete")
        {
            _volumesToProvision[name] = true;
            _log.Info("Dynamically re-provisioning persistent volume because it doesn't have a snapshot and its reclaim policy is Delete.",
                PersistentVolumes, name: name);
            return false;
        }

        RestoreItemPreparation.ResetVolumeBinding(pv);
        var claimRef = pv["spec"]?["claimRef"] as JsonObject;
        var claimNamespace = (string?)claimRef?["namespace"];
        if (claimRef is null || claimNamespace is null || !_mapping.TryGetValue(claimNamespace, out var target))
        {
            return true;
        }

        claimRef["namespace"] = target;
        var existing = await _api.GetAsync($"/api/v1/persistentvolumes/{Uri.EscapeDataString(name)}", cancellationToken);
        if (existing is not null)
        {
            var renamed = $"velero-clone-{Guid.NewGuid()}";
            var metadata = (JsonObject)pv["metadata"]!;
            metadata["name"] = renamed;
            var annotations = metadata["annotations"] as JsonObject ?? [];
            metadata["annotations"] = annotations;
            annotations[OriginalPvNameAnnotation] = name;
            _renamedVolumes[name] = renamed;
            _log.Info($"Renaming PV {name} to {renamed}: a volume of that name exists and its claim moves to namespace {target}",
                PersistentVolumes, name: name);
        }

        return true;
    }

    /// <summary>A claim bound to a volume: binding reset, and pointed at the renamed volume or at none when it is re-provisioned.</summary>
    private void PrepareClaim(JsonObject pvc)
    {
        if (pvc["spec"] is not JsonObject spec || (string?)spec["volumeName"] is not { Length: > 0 } volume)
        {
            return;
        }

        RestoreItemPreparation.ResetVolumeBinding(pvc);
        if (_volumesToProvision.ContainsKey(volume))
        {
            spec.Remove("volumeName");
        }
        else if (_renamedVolumes.TryGetValue(volume, out var renamed))
        {
            spec["volumeName"] = renamed;
        }
    }
}
