using System.Text.Json;
using Velero.Api.V1;
using Velero.Scheduler.Requests;

namespace Velero.Services.Tests.Scheduler.Requests;

public sealed class RequestSpecsTests
{
    [Fact]
    public void A_backup_spec_is_read_with_its_selectors_hooks_and_durations()
    {
        var spec = RequestSpecs.Read<BackupSpec>(Json("""
            {"includedNamespaces":["shop"],"ttl":"72h0m0s","labelSelector":{"matchLabels":{"app":"web"}},
             "orLabelSelectors":null,"storageLocation":"default",
             "hooks":{"resources":[{"name":"freeze","pre":[{"exec":{"command":["/bin/sync"],"timeout":"30s"}}]}]}}
            """), nameof(BackupSpec));

        Assert.Equal(["shop"], spec.IncludedNamespaces!);
        Assert.Equal("72h0m0s", spec.Ttl);
        Assert.Equal("web", spec.LabelSelector!.MatchLabels["app"]);
        Assert.Equal(["/bin/sync"], spec.Hooks!.Resources![0].Pre![0].Exec!.Command!);
    }

    [Fact]
    public void An_empty_backup_spec_is_the_whole_cluster_as_upstream()
    {
        var spec = RequestSpecs.Read<BackupSpec>(Json("{}"), nameof(BackupSpec));

        Assert.Null(spec.IncludedNamespaces);
    }

    [Theory]
    [InlineData("""{"includeNamespaces":["shop"]}""", "spec.includeNamespaces")]
    [InlineData("""{"labelSelector":{"matchLabel":{"app":"web"}}}""", "spec.labelSelector.matchLabel")]
    [InlineData("""{"hooks":{"resources":[{"name":"h","pre":[{"exec":{"cmd":["x"]}}]}]}}""", "spec.hooks.resources[0].pre[0].exec.cmd")]
    [InlineData("""{"IncludedNamespaces":["shop"]}""", "spec.IncludedNamespaces")]
    public void A_field_a_backup_spec_does_not_have_refuses_the_request_by_its_path(string json, string path)
    {
        var refused = Assert.Throws<RequestRefusedException>(() => RequestSpecs.Read<BackupSpec>(Json(json), nameof(BackupSpec)));

        Assert.Equal($"spec has fields that are not part of a velero.io/v1 BackupSpec: {path}", refused.Message);
    }

    [Theory]
    [InlineData("""{"includedNamespaces":"shop"}""", "spec is not a velero.io/v1 BackupSpec: ")]
    [InlineData("\"shop\"", "spec must be a velero.io/v1 BackupSpec object, got string")]
    [InlineData("[]", "spec must be a velero.io/v1 BackupSpec object, got array")]
    public void A_spec_of_the_wrong_shape_is_refused(string json, string reason)
    {
        var refused = Assert.Throws<RequestRefusedException>(() => RequestSpecs.Read<BackupSpec>(Json(json), nameof(BackupSpec)));

        Assert.StartsWith(reason, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_spec_is_refused()
    {
        var refused = Assert.Throws<RequestRefusedException>(() => RequestSpecs.Read<RestoreSpec>(null, nameof(RestoreSpec)));

        Assert.Equal("spec must be a velero.io/v1 RestoreSpec object, got nothing", refused.Message);
    }

    [Fact]
    public void A_restore_spec_is_read_with_its_namespace_mapping()
    {
        var spec = RequestSpecs.Read<RestoreSpec>(Json("""{"backupName":"shop-1","namespaceMapping":{"shop":"shop-copy"}}"""),
            nameof(RestoreSpec));

        Assert.Equal("shop-1", spec.BackupName);
        Assert.Equal("shop-copy", spec.NamespaceMapping!["shop"]);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
