using k8s.Models;
using Velero.ServiceDefaults.Hosting;

namespace Velero.Cli.Install;

/// <summary>
/// What each role may do, instead of upstream's cluster-admin binding. Cluster-wide rules go into a ClusterRole,
/// rules about the Velero namespace into a Role there. The reasons are in docs/install.md.
/// </summary>
public static class RoleRules
{
    private static readonly string[] Read = ["get", "list", "watch"];
    private static readonly string[] Write = ["create", "update", "patch"];
    private static readonly string[] All = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"];

    /// <summary>The work resources of the node agent and the data movers.</summary>
    private static readonly string[] VolumeWork =
        ["podvolumebackups", "podvolumebackups/status", "podvolumerestores", "podvolumerestores/status",
         "datauploads", "datauploads/status", "datadownloads", "datadownloads/status", "backuprepositories", "backuprepositories/status"];

    public static IList<V1PolicyRule> Cluster(string role) => role switch
    {
        // Which namespaces exist (backup and restore validation) and the cluster's id (the kube-system namespace's uid).
        RoleNames.Scheduler => [Rule("", ["namespaces"], Read), Discovery()],

        // A backup reads everything it may include, secrets among them; hooks run commands in pods; CSI snapshots.
        RoleNames.Snapshotter =>
        [
            Rule("*", ["*"], Read),
            Rule("", ["pods/exec"], ["get", "create"]),
            Rule("snapshot.storage.k8s.io", ["volumesnapshots", "volumesnapshotcontents"], [.. Write, "delete"]),
            Discovery(),
        ],

        // A restore creates whatever the backup holds, updates existing objects with --existing-resource-policy=update,
        // writes status where the backup had it, runs hooks, and restores RBAC objects that may grant more than it
        // holds itself (escalate, bind). It never deletes, except the snapshots a data-mover restore provisions from.
        RoleNames.Restorer =>
        [
            Rule("*", ["*"], [.. Read, .. Write]),
            Rule("rbac.authorization.k8s.io", ["clusterroles", "roles"], ["escalate", "bind"]),
            Rule("snapshot.storage.k8s.io", ["volumesnapshots", "volumesnapshotcontents"], ["delete"]),
            Discovery(),
        ],

        // The node agent finds the pods, claims and volumes on its node, and clones snapshots for the data mover.
        RoleNames.Uploader =>
        [
            Rule("", ["pods", "persistentvolumeclaims", "persistentvolumes", "nodes", "namespaces"], Read),
            Rule("snapshot.storage.k8s.io", ["volumesnapshots", "volumesnapshotcontents"], [.. Read, .. Write, "delete"]),
            Rule("storage.k8s.io", ["storageclasses"], Read),
            Discovery(),
        ],

        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a role"),
    };

    public static IList<V1PolicyRule> Namespace(string role) => role switch
    {
        // The state of every backup and restore, locations, requests, schedules: all of velero.io in its namespace;
        // location credentials and the ConfigMaps that restores and repositories name.
        RoleNames.Scheduler =>
        [
            Rule("velero.io", ["*"], All),
            Rule("", ["secrets", "configmaps"], Read),
            Rule("", ["events"], ["create", "patch"]),
        ],

        // File-system backups and data uploads it starts.
        RoleNames.Snapshotter =>
        [
            Rule("velero.io", ["podvolumebackups", "datauploads", "backuprepositories"], [.. Write, "delete"]),
            Rule("", ["events"], ["create", "patch"]),
        ],

        RoleNames.Restorer =>
        [
            Rule("velero.io", ["podvolumerestores", "datadownloads", "backuprepositories"], [.. Write, "delete"]),
            Rule("", ["events"], ["create", "patch"]),
        ],

        // Its work resources; the pods and claims that expose volumes to the data path; repository credentials.
        RoleNames.Uploader =>
        [
            Rule("velero.io", VolumeWork, [.. Read, .. Write]),
            Rule("velero.io", ["backupstoragelocations"], Read),
            Rule("", ["pods", "persistentvolumeclaims"], [.. Read, "create", "delete"]),
            Rule("", ["secrets", "configmaps"], Read),
            Rule("", ["events"], ["create", "patch"]),
        ],

        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a role"),
    };

    private static V1PolicyRule Rule(string group, string[] resources, string[] verbs) =>
        new() { ApiGroups = [group], Resources = [.. resources], Verbs = [.. verbs] };

    /// <summary>API discovery, which clusters also grant every authenticated user (system:discovery).</summary>
    private static V1PolicyRule Discovery() =>
        new() { NonResourceURLs = ["/api", "/api/*", "/apis", "/apis/*", "/version"], Verbs = ["get"] };
}
