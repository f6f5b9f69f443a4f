using k8s;
using Velero.Snapshotter.Tests.Support;

namespace Velero.Snapshotter.Tests;

/// <summary>What a backup leaves out whatever its filters (spec 4.2, 4.3).</summary>
public sealed class ExclusionTests
{
    private const string Manifests = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: keep}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: scratch, labels: {velero.io/exclude-from-backup: "true"}}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: keep}
        data: {a: "1"}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cache, namespace: keep, labels: {velero.io/exclude-from-backup: "true"}}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: leaving, namespace: keep, finalizers: [example.com/hold]}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: temp, namespace: scratch}
        ---
        apiVersion: snapshot.storage.k8s.io/v1
        kind: VolumeSnapshot
        metadata: {name: snap, namespace: keep}
        spec: {source: {persistentVolumeClaimName: data}}
        ---
        apiVersion: snapshot.storage.k8s.io/v1
        kind: VolumeSnapshotContent
        metadata: {name: snapcontent}
        spec:
          deletionPolicy: Delete
          driver: hostpath.csi.k8s.io
          source: {snapshotHandle: abc}
          volumeSnapshotRef: {name: snap, namespace: keep}
        """;

    [Fact]
    public async Task Labelled_items_and_namespaces_items_being_deleted_and_csi_snapshots_are_left_out()
    {
        await using var cluster = await Harness.ClusterAsync();
        ManifestSeeder.SeedYaml(cluster, Manifests);
        using (var client = Harness.Client(cluster))
        {
            // The finalizer keeps it, marked with a deletionTimestamp.
            await client.CoreV1.DeleteNamespacedConfigMapAsync("leaving", "keep");
        }

        var (result, contents) = await Backups.RunAsync(cluster, "exclusions");
        var paths = contents.DefaultItemPaths;

        Assert.Equal("Completed", result.Phase);
        Assert.Contains("resources/configmaps/namespaces/keep/settings.json", paths);
        Assert.Contains("resources/namespaces/cluster/keep.json", paths);
        Assert.DoesNotContain("resources/configmaps/namespaces/keep/cache.json", paths);
        Assert.DoesNotContain("resources/configmaps/namespaces/keep/leaving.json", paths);
        Assert.DoesNotContain(paths, p => p.Contains("/scratch", StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.Contains("snapshot.storage.k8s.io", StringComparison.Ordinal));

        // An exclude-labelled namespace makes this no longer an all-namespaces backup: cluster-scoped types are not
        // listed (spec 4.2), so the node and the storage class stay out too.
        Assert.DoesNotContain(paths, p => p.Contains("/cluster/", StringComparison.Ordinal) && !p.StartsWith("resources/namespaces/", StringComparison.Ordinal));
        Assert.Contains("item has label velero.io/exclude-from-backup=true", contents.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_excluded_namespaces_a_backup_of_all_namespaces_lists_cluster_scoped_types_but_not_snapshot_contents()
    {
        await using var cluster = await Harness.ClusterAsync();
        ManifestSeeder.SeedYaml(cluster, string.Join("---", Manifests.Split("---").Where(d => !d.Contains("name: scratch", StringComparison.Ordinal))));
        var (_, contents) = await Backups.RunAsync(cluster, "all");
        Assert.Contains("resources/nodes/cluster/emulator-control-plane.json", contents.DefaultItemPaths);
        Assert.Contains("resources/storageclasses.storage.k8s.io/cluster/standard.json", contents.DefaultItemPaths);
        Assert.DoesNotContain(contents.DefaultItemPaths, p => p.Contains("snapshot.storage.k8s.io", StringComparison.Ordinal));
    }
}
