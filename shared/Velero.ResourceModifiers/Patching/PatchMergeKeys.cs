namespace Velero.ResourceModifiers.Patching;

/// <summary>
/// The <c>patchStrategy</c>/<c>patchMergeKey</c> tags of the Kubernetes API types that strategic merge patches meet in
/// practice: pod specs wherever they are embedded, Services, and object metadata. A list not known here is replaced
/// whole, which is what the Go types do for every list without a merge strategy.
/// </summary>
internal static class PatchMergeKeys
{
    private static readonly HashSet<string> s_containerLists = ["containers", "initContainers", "ephemeralContainers"];

    /// <summary>
    /// How the list at <paramref name="path"/> (field names from the root, list positions left out) merges: its merge key,
    /// the empty string for a list of scalars merged as a set, or null when it is replaced.
    /// </summary>
    public static string? For(string kind, IReadOnlyList<string> path)
    {
        var field = path[^1];
        var parent = path.Count > 1 ? path[^2] : null;
        switch (field)
        {
            case "containers" or "initContainers" or "ephemeralContainers":
            case "volumes":
            case "env":
            case "imagePullSecrets":
            case "schedulingGates":
            case "resourceClaims" when parent == "spec":
                return "name";
            case "volumeMounts":
                return "mountPath";
            case "volumeDevices":
                return "devicePath";
            case "hostAliases":
                return "ip";
            case "topologySpreadConstraints":
                return "topologyKey";
            case "ports" when parent is not null && s_containerLists.Contains(parent):
                return "containerPort";
            case "ports" when kind == "Service" && path.Count == 2 && parent == "spec":
                return "port";
            case "ownerReferences" when parent == "metadata":
                return "uid";
            case "finalizers" when parent == "metadata":
                return string.Empty;
            case "conditions" when parent == "status":
                return "type";
            default:
                return null;
        }
    }
}
