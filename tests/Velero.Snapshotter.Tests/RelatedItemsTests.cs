using System.Text.Json.Nodes;
using Velero.Snapshotter.Tests.Support;

namespace Velero.Snapshotter.Tests;

/// <summary>
/// The additional items of upstream's built-in actions (spec 4.4): backed up with the item that names them even when
/// their type is not listed, here cluster-scoped types in a namespace backup.
/// </summary>
public sealed class RelatedItemsTests
{
    private const string Manifests = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: pv-orders, labels: {tier: db}}
        spec:
          capacity: {storage: 1Gi}
          accessModes: [ReadWriteOnce]
          persistentVolumeReclaimPolicy: Retain
          hostPath: {path: /data/orders}
          claimRef: {namespace: shop, name: orders}
        ---
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: pv-unused}
        spec:
          capacity: {storage: 1Gi}
          accessModes: [ReadWriteOnce]
          hostPath: {path: /data/unused}
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: orders, namespace: shop}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
          volumeName: pv-orders
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: db, namespace: shop, labels: {app: db}}
        spec:
          containers: [{name: postgres, image: postgres:17}]
          volumes: [{name: data, persistentVolumeClaim: {claimName: orders}}]
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: robot, namespace: shop}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: robot-reader}
        rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: robot-reads}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: robot-reader}
        subjects: [{kind: ServiceAccount, name: robot, namespace: shop}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: someone-else}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{kind: ServiceAccount, name: robot, namespace: elsewhere}]
        ---
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget}
          versions:
          - name: v1
            served: true
            storage: true
            schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
        ---
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: gadgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: gadgets, singular: gadget, kind: Gadget}
          versions:
          - name: v1
            served: true
            storage: true
            schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
        ---
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: blue, namespace: shop}
        spec: {size: 3}
        """;

    [Fact]
    public async Task Namespace_backup_brings_the_pods_claim_its_volume_the_service_accounts_bindings_and_the_crd()
    {
        await using var cluster = await Harness.ClusterAsync();
        ManifestSeeder.SeedYaml(cluster, Manifests);
        var (result, contents) = await Backups.RunAsync(cluster, "related", s => s.IncludedNamespaces = ["shop"]);

        Assert.Equal("Completed", result.Phase);
        Assert.Equal(new[]
        {
            "resources/clusterrolebindings.rbac.authorization.k8s.io/cluster/robot-reads.json",
            "resources/clusterroles.rbac.authorization.k8s.io/cluster/robot-reader.json",
            "resources/configmaps/namespaces/shop/kube-root-ca.crt.json",
            "resources/customresourcedefinitions.apiextensions.k8s.io/cluster/widgets.example.com.json",
            "resources/namespaces/cluster/shop.json",
            "resources/persistentvolumeclaims/namespaces/shop/orders.json",
            "resources/persistentvolumes/cluster/pv-orders.json",
            "resources/pods/namespaces/shop/db.json",
            "resources/serviceaccounts/namespaces/shop/default.json",
            "resources/serviceaccounts/namespaces/shop/robot.json",
            "resources/widgets.example.com/namespaces/shop/blue.json",
        }, contents.DefaultItemPaths.Order(StringComparer.Ordinal));
        Assert.Equal(11, result.ItemsBackedUp);
        Assert.Equal(11, result.TotalItems);

        // The custom resource is written as served, with its kind and apiVersion, and under its preferred version too.
        var widget = JsonNode.Parse(contents.Entries["resources/widgets.example.com/v1-preferredversion/namespaces/shop/blue.json"])!;
        Assert.Equal(("example.com/v1", "Widget", 3), ((string?)widget["apiVersion"], (string?)widget["kind"], (int?)widget["spec"]!["size"]));
        Assert.Equal(["shop/blue"], contents.ResourceList["example.com/v1/Widget"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(["pv-orders"], contents.ResourceList["v1/PersistentVolume"]!.AsArray().Select(v => (string?)v));
    }

    [Fact]
    public async Task Volume_information_records_the_volume_backed_up_without_a_snapshot()
    {
        await using var cluster = await Harness.ClusterAsync();
        ManifestSeeder.SeedYaml(cluster, Manifests);
        using var directory = new TempDirectory();
        using var location = Harness.FileSystemLocation(directory);
        using var client = Harness.Client(cluster);
        await Harness.RunAsync(Harness.Collector(), client, location, Harness.Backup("volumes", s => s.IncludedNamespaces = ["shop"]));

        var infos = (await BackupContents.GzipJsonAsync(location, "backups/volumes/volumes-volumeinfo.json.gz"))!.AsArray();
        var info = Assert.Single(infos)!;
        Assert.Equal(("orders", "shop", "pv-orders", true), ((string?)info["pvcName"], (string?)info["pvcNamespace"], (string?)info["pvName"], (bool?)info["skipped"]));
        Assert.Equal("volumeSnapshot: no applicable volumesnapshotter found;", (string?)info["skippedReason"]);
        Assert.Equal("Retain", (string?)info["pvInfo"]!["reclaimPolicy"]);
        Assert.Equal("null", await BackupContents.GzipTextAsync(location, "backups/volumes/volumes-volumesnapshots.json.gz"));
        Assert.Equal("null", await BackupContents.GzipTextAsync(location, "backups/volumes/volumes-podvolumebackups.json.gz"));
        Assert.Equal("[]", await BackupContents.GzipTextAsync(location, "backups/volumes/volumes-itemoperations.json.gz"));
    }
}
