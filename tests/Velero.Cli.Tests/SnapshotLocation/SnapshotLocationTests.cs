using System.Text.Json.Nodes;
using k8s.Models;
using Velero.Api.V1;
using Velero.Cli.Tests.Support;

namespace Velero.Cli.Tests.SnapshotLocation;

public sealed class SnapshotLocationTests(CliCluster cluster) : IClassFixture<CliCluster>
{
    [Fact]
    public async Task Get_prints_name_and_provider()
    {
        var ns = await cluster.NamespaceAsync("vsl-get");
        await cluster.SeedAsync(new VolumeSnapshotLocation { Metadata = new V1ObjectMeta { Name = "ebs-eu", NamespaceProperty = ns }, Spec = new VolumeSnapshotLocationSpec { Provider = "aws" } });
        await cluster.SeedAsync(new VolumeSnapshotLocation { Metadata = new V1ObjectMeta { Name = "disks", NamespaceProperty = ns }, Spec = new VolumeSnapshotLocationSpec { Provider = "velero.io/azure" } });

        var run = await CliRunner.RunAsync(["snapshot-location", "get", .. cluster.In(ns)]);

        Assert.Equal(0, run.ExitCode);
        Golden.Assert("snapshot-location-get-table", run.Stdout);
    }

    [Fact]
    public async Task Create_submits_and_set_changes_the_credential()
    {
        var ns = await cluster.NamespaceAsync("vsl-create");

        var create = await CliRunner.RunAsync(["snapshot-location", "create", "ebs", "--provider", "aws", "--config", "region=eu-west-1",
            "--labels", "site=a", .. cluster.In(ns)]);
        var set = await CliRunner.RunAsync(["snapshot-location", "set", "ebs", "--credential", "aws-creds=cloud", .. cluster.In(ns)]);

        Assert.Equal("Snapshot volume location \"ebs\" configured successfully.\n", create.Stdout);
        Assert.Equal("Volume snapshot location \"ebs\" configured successfully.\n", set.Stdout);
        var vsl = (await cluster.ReadAsync<VolumeSnapshotLocation>(ns, "ebs"))!;
        Assert.Equal(("aws", "eu-west-1", "a"), (vsl.Spec.Provider, vsl.Spec.Config!["region"], vsl.Metadata.Labels["site"]));
        Assert.Equal(("aws-creds", "cloud"), (vsl.Spec.Credential!.Name, vsl.Spec.Credential.Key));
    }

    [Fact]
    public async Task Create_with_json_output_prints_without_submitting()
    {
        var ns = await cluster.NamespaceAsync("vsl-preview");

        var run = await CliRunner.RunAsync(["snapshot-location", "create", "preview", "--provider", "gcp", "-o", "json", .. cluster.In(ns)]);

        Assert.Equal("VolumeSnapshotLocation", JsonNode.Parse(run.Stdout)!["kind"]!.GetValue<string>());
        Golden.Assert("snapshot-location-create-json", run.Stdout);
        Assert.Null(await cluster.ReadAsync<VolumeSnapshotLocation>(ns, "preview"));
    }

    [Theory]
    [InlineData(new[] { "create", "x" }, "An error occurred: --provider is required\n")]
    [InlineData(new[] { "create", "x", "--provider", "aws", "--credential", "a=b,c=d" }, "An error occurred: --credential can only contain 1 key/value pair\n")]
    [InlineData(new[] { "set", "missing", "--credential", "a=b" }, "An error occurred: volumesnapshotlocations.velero.io \"missing\" not found\n")]
    public async Task Mistakes_are_one_line(string[] args, string stderr)
    {
        var run = await CliRunner.RunAsync(["snapshot-location", .. args, .. cluster.Flags]);

        Assert.Equal((1, stderr), (run.ExitCode, run.Stderr));
    }
}
