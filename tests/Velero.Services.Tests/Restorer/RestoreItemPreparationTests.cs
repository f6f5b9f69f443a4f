using System.Text.Json.Nodes;
using Velero.Restorer.Items;

namespace Velero.Services.Tests.Restorer;

public sealed class RestoreItemPreparationTests
{
    [Theory]
    [InlineData("pods", """{"status":{"phase":"Succeeded"}}""", "completed pods are not restored")]
    [InlineData("pods", """{"status":{"phase":"Failed"}}""", "completed pods are not restored")]
    [InlineData("pods", """{"metadata":{"annotations":{"kubernetes.io/config.mirror":"abc"}},"status":{"phase":"Running"}}""", "mirror pods are not restored")]
    [InlineData("jobs.batch", """{"status":{"completionTime":"2026-11-27T10:00:00Z"}}""", "completed jobs are not restored")]
    [InlineData("pods", """{"status":{"phase":"Running"}}""", null)]
    [InlineData("jobs.batch", """{"status":{"active":1}}""", null)]
    [InlineData("deployments.apps", """{"status":{"phase":"Succeeded"}}""", null)]
    public void Completed_pods_and_jobs_and_mirror_pods_are_passed_over(string groupResource, string json, string? reason) =>
        Assert.Equal(reason, RestoreItemPreparation.SkipReason(groupResource, JsonNode.Parse(json)!.AsObject()));

    [Fact]
    public void Creation_strips_the_cluster_owned_metadata_and_sets_the_status_aside()
    {
        var item = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"ConfigMap",
             "metadata":{"name":"settings","namespace":"shop","generateName":"settings-","selfLink":"/x","uid":"u-1","resourceVersion":"42",
                         "generation":3,"creationTimestamp":"2026-01-01T00:00:00Z","deletionTimestamp":"2026-01-02T00:00:00Z",
                         "deletionGracePeriodSeconds":30,"ownerReferences":[{"name":"o"}],"labels":{"app":"shop"},
                         "annotations":{"a":"b"},"managedFields":[{"manager":"kubectl"}]},
             "data":{"k":"v"},"status":{"observed":1}}
            """)!.AsObject();

        var status = RestoreItemPreparation.StripForCreate(item);

        Assert.Equal("""{"observed":1}""", status!.ToJsonString());
        Assert.Null(item["status"]);
        Assert.Equal(["name", "namespace", "labels", "annotations", "managedFields"],
            item["metadata"]!.AsObject().Select(p => p.Key));
        Assert.Equal("v", (string?)item["data"]!["k"]);
    }

    [Fact]
    public void A_volume_and_its_claim_are_reset_to_bind_again()
    {
        var pv = JsonNode.Parse("""
            {"metadata":{"name":"pv-1","annotations":{"pv.kubernetes.io/bound-by-controller":"yes","pv.kubernetes.io/provisioned-by":"csi"}},
             "spec":{"claimRef":{"kind":"PersistentVolumeClaim","namespace":"shop","name":"data","uid":"u-9","resourceVersion":"7"}}}
            """)!.AsObject();
        var pvc = JsonNode.Parse("""
            {"metadata":{"name":"data","annotations":{"pv.kubernetes.io/bind-completed":"yes","pv.kubernetes.io/bound-by-controller":"yes"}},
             "spec":{"volumeName":"pv-1"}}
            """)!.AsObject();

        RestoreItemPreparation.ResetVolumeBinding(pv);
        RestoreItemPreparation.ResetVolumeBinding(pvc);

        Assert.Equal("""{"kind":"PersistentVolumeClaim","namespace":"shop","name":"data"}""", pv["spec"]!["claimRef"]!.ToJsonString());
        Assert.Equal("""{"pv.kubernetes.io/provisioned-by":"csi"}""", pv["metadata"]!["annotations"]!.ToJsonString());
        Assert.Equal("{}", pvc["metadata"]!["annotations"]!.ToJsonString());
        Assert.Equal("pv-1", (string?)pvc["spec"]!["volumeName"]);
    }

    [Fact]
    public void The_target_namespace_and_the_backup_and_restore_labels_are_set_with_long_names_shortened()
    {
        var item = JsonNode.Parse("""{"metadata":{"name":"web","namespace":"shop","labels":{"app":"web"}}}""")!.AsObject();
        var longName = new string('r', 70);

        RestoreItemPreparation.SetTarget(item, "shop-copy", "nightly-20261127", longName);

        var labels = item["metadata"]!["labels"]!.AsObject();
        Assert.Equal("shop-copy", (string?)item["metadata"]!["namespace"]);
        Assert.Equal("web", (string?)labels["app"]);
        Assert.Equal("nightly-20261127", (string?)labels["velero.io/backup-name"]);
        var restoreLabel = (string)labels["velero.io/restore-name"]!;
        Assert.Equal(63, restoreLabel.Length);
        Assert.StartsWith(new string('r', 57), restoreLabel, StringComparison.Ordinal);
    }
}
