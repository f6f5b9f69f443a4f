using Velero.KubeEmulator.Tests.Support;

namespace Velero.KubeEmulator.Tests.Api;

/// <summary>CRUD semantics at the wire: versions, generation, no-op updates, finalizers, dry runs, collections.</summary>
public sealed class CrudSemanticsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private ApiClient Api() => new(fixture.Emulator.BaseAddress);

    [Fact]
    public async Task Resource_versions_come_from_one_cluster_wide_counter_and_no_op_updates_keep_them()
    {
        using var api = Api();
        await api.PostAsync("/api/v1/namespaces", ApiClient.Namespace("crud"));
        var a = (await api.PostAsync("/api/v1/namespaces/crud/configmaps", ApiClient.ConfigMap("a", "crud"))).Body!;
        var b = (await api.PostAsync("/apis/apps/v1/namespaces/crud/deployments", """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"b"},"spec":{"selector":{"matchLabels":{"x":"y"}},"template":{"metadata":{"labels":{"x":"y"}},"spec":{"containers":[{"name":"c","image":"i"}]}}}}""")).Body!;
        var rvA = long.Parse((string)a["metadata"]!["resourceVersion"]!, System.Globalization.CultureInfo.InvariantCulture);
        var rvB = long.Parse((string)b["metadata"]!["resourceVersion"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(rvB > rvA);
        Assert.Null(a["metadata"]!["generation"]);
        Assert.Equal(1, (int)b["metadata"]!["generation"]!);

        var same = await api.PutAsync("/api/v1/namespaces/crud/configmaps/a", a.ToJsonString());
        Assert.Equal((string?)a["metadata"]!["resourceVersion"], (string?)same.Body!["metadata"]!["resourceVersion"]);
        var labelOnly = await api.PatchAsync("/apis/apps/v1/namespaces/crud/deployments/b", """{"metadata":{"labels":{"l":"1"}}}""", "application/merge-patch+json");
        Assert.Equal(1, (int)labelOnly.Body!["metadata"]!["generation"]!);
        var spec = await api.PatchAsync("/apis/apps/v1/namespaces/crud/deployments/b", """{"spec":{"replicas":7}}""", "application/merge-patch+json");
        Assert.Equal(2, (int)spec.Body!["metadata"]!["generation"]!);
        var status = await api.PatchAsync("/apis/apps/v1/namespaces/crud/deployments/b", """{"spec":{"replicas":9},"status":{"replicas":7}}""", "application/merge-patch+json");
        Assert.Null(status.Body!["status"]?["replicas"]);
        var viaStatus = await api.PatchAsync("/apis/apps/v1/namespaces/crud/deployments/b/status", """{"spec":{"replicas":1},"status":{"replicas":7}}""", "application/merge-patch+json");
        Assert.Equal((7, 9, 3), ((int)viaStatus.Body!["status"]!["replicas"]!, (int)viaStatus.Body["spec"]!["replicas"]!, (int)viaStatus.Body["metadata"]!["generation"]!));
    }

    [Fact]
    public async Task Finalizers_delay_deletion_and_dry_run_changes_nothing()
    {
        using var api = Api();
        await api.PostAsync("/api/v1/namespaces", ApiClient.Namespace("fin"));
        var dry = await api.PostAsync("/api/v1/namespaces/fin/configmaps?dryRun=All", ApiClient.ConfigMap("dry", "fin"));
        Assert.Equal(201, dry.Code);
        Assert.Equal(404, (await api.GetAsync("/api/v1/namespaces/fin/configmaps/dry")).Code);

        await api.PostAsync("/api/v1/namespaces/fin/configmaps", ApiClient.ConfigMap("kept", "fin", ""","finalizers":["example.com/keep"]"""));
        var deleting = await api.DeleteAsync("/api/v1/namespaces/fin/configmaps/kept", """{"propagationPolicy":"Background"}""");
        Assert.Equal(202, deleting.Code);
        var stillThere = (await api.GetAsync("/api/v1/namespaces/fin/configmaps/kept")).Body!;
        Assert.NotNull(stillThere["metadata"]!["deletionTimestamp"]);
        var released = await api.PatchAsync("/api/v1/namespaces/fin/configmaps/kept", """{"metadata":{"finalizers":null}}""", "application/merge-patch+json");
        Assert.Equal(200, released.Code);
        Assert.Equal(404, (await api.GetAsync("/api/v1/namespaces/fin/configmaps/kept")).Code);

        var plain = await api.PostAsync("/api/v1/namespaces/fin/configmaps", ApiClient.ConfigMap("plain", "fin"));
        var deleted = await api.DeleteAsync("/api/v1/namespaces/fin/configmaps/plain?dryRun=All");
        Assert.Equal("Success", (string?)deleted.Body!["status"]);
        Assert.Equal(200, (await api.GetAsync("/api/v1/namespaces/fin/configmaps/plain")).Code);
        var wrongUid = await api.DeleteAsync("/api/v1/namespaces/fin/configmaps/plain", """{"preconditions":{"uid":"00000000-0000-0000-0000-000000000000"}}""");
        Assert.Equal(409, wrongUid.Code);
        Assert.Equal((string?)plain.Body!["metadata"]!["uid"], (string?)(await api.DeleteAsync("/api/v1/namespaces/fin/configmaps/plain")).Body!["details"]!["uid"]);
    }

    [Fact]
    public async Task Dependents_are_garbage_collected_when_their_owner_is_deleted()
    {
        using var api = Api();
        await api.PostAsync("/api/v1/namespaces", ApiClient.Namespace("gc"));
        var owner = (await api.PostAsync("/api/v1/namespaces/gc/configmaps", ApiClient.ConfigMap("owner", "gc"))).Body!;
        var uid = (string)owner["metadata"]!["uid"]!;
        await api.PostAsync("/api/v1/namespaces/gc/configmaps", ApiClient.ConfigMap("child", "gc",
            $",\"ownerReferences\":[{{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"name\":\"owner\",\"uid\":\"{uid}\"}}]"));
        await api.PostAsync("/api/v1/namespaces/gc/configmaps", ApiClient.ConfigMap("unrelated", "gc"));

        await api.DeleteAsync("/api/v1/namespaces/gc/configmaps/owner");
        for (var i = 0; i < 50 && (await api.GetAsync("/api/v1/namespaces/gc/configmaps/child")).Code != 404; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(404, (await api.GetAsync("/api/v1/namespaces/gc/configmaps/child")).Code);
        Assert.Equal(200, (await api.GetAsync("/api/v1/namespaces/gc/configmaps/unrelated")).Code);
    }

    [Fact]
    public async Task Deletecollection_deletes_what_the_selector_matches()
    {
        using var api = Api();
        await api.PostAsync("/api/v1/namespaces", ApiClient.Namespace("coll"));
        for (var i = 0; i < 4; i++)
        {
            await api.PostAsync("/api/v1/namespaces/coll/configmaps", ApiClient.ConfigMap($"c{i}", "coll", $$""","labels":{"batch":"{{i % 2}}"}"""));
        }

        var result = await api.DeleteAsync("/api/v1/namespaces/coll/configmaps?labelSelector=batch%3D1");
        Assert.Equal(200, result.Code);
        var left = (await api.GetAsync("/api/v1/namespaces/coll/configmaps")).Body!["items"]!.AsArray().Select(i => (string)i!["metadata"]!["name"]!);
        Assert.Equal(["c0", "c2", "kube-root-ca.crt"], left);
    }

    [Fact]
    public async Task Strategic_merge_patch_is_refused_for_custom_resources_and_apply_conflicts_are_explained()
    {
        using var api = Api();
        var crd = File.ReadAllText(Path.Combine(Fixtures.Crds, "velero", "v1", "bases", "velero.io_backupstoragelocations.yaml"));
        Assert.Equal(201, (await api.PatchAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/backupstoragelocations.velero.io?fieldManager=test", crd, "application/apply-patch+yaml")).Code);
        await api.PostAsync("/api/v1/namespaces", ApiClient.Namespace("velero"));
        const string Bsl = """
            apiVersion: velero.io/v1
            kind: BackupStorageLocation
            metadata: {name: default, namespace: velero}
            spec: {provider: aws, objectStorage: {bucket: velero}, default: true}
            """;
        var created = await api.PatchAsync("/apis/velero.io/v1/namespaces/velero/backupstoragelocations/default?fieldManager=installer", Bsl, "application/apply-patch+yaml");
        Assert.Equal(201, created.Code);
        var strategic = await api.PatchAsync("/apis/velero.io/v1/namespaces/velero/backupstoragelocations/default", """{"spec":{"default":false}}""", "application/strategic-merge-patch+json");
        Assert.Equal(415, strategic.Code);
        Assert.Equal("UnsupportedMediaType", (string?)strategic.Body!["reason"]);
        await api.PatchAsync("/apis/velero.io/v1/namespaces/velero/backupstoragelocations/default?fieldManager=ops", """{"spec":{"objectStorage":{"bucket":"other"}}}""", "application/merge-patch+json");
        var conflict = await api.PatchAsync("/apis/velero.io/v1/namespaces/velero/backupstoragelocations/default?fieldManager=installer", Bsl, "application/apply-patch+yaml");
        Assert.Equal(409, conflict.Code);
        Assert.Equal("Apply failed with 1 conflict: conflict with \"ops\" using velero.io/v1: .spec.objectStorage.bucket", (string?)conflict.Body!["message"]);
        Assert.Equal("FieldManagerConflict", (string?)conflict.Body["details"]!["causes"]![0]!["reason"]);
        var managers = (await api.GetAsync("/apis/velero.io/v1/namespaces/velero/backupstoragelocations/default")).Body!["metadata"]!["managedFields"]!.AsArray()
            .Select(m => $"{m!["manager"]}/{m["operation"]}");
        Assert.Equal(["installer/Apply", "ops/Update"], managers);
    }
}
