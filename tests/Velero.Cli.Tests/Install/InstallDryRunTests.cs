using Velero.Cli.Tests.Support;

namespace Velero.Cli.Tests.Install;

/// <summary><c>velero install --dry-run -o yaml</c>: what an install creates, compared with reviewed golden files.</summary>
public sealed class InstallDryRunTests : IDisposable
{
    private const string Image = "ghcr.io/velero-services/velero:v0.1.0";
    private const string AwsPlugin = "ghcr.io/velero-services/velero-plugin-for-aws:v0.1.0";

    private readonly string _credentials = Path.Combine(Path.GetTempPath(), $"velero-install-creds-{Guid.NewGuid():N}");

    public InstallDryRunTests() =>
        File.WriteAllText(_credentials, "[default]\naws_access_key_id=minio\naws_secret_access_key=minio123\n");

    public void Dispose() => File.Delete(_credentials);

    [Fact]
    public async Task Default_install_is_one_velero_deployment_with_an_in_namespace_broker_and_database()
    {
        var run = await CliRunner.RunAsync(["install", "--provider", "aws", "--plugins", AwsPlugin, "--bucket", "velero",
            "--secret-file", _credentials, "--image", Image, "--backup-location-config", "region=us-east-1", "--dry-run", "-o", "yaml"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Stderr);
        Golden.Assert("install-dry-run-default", DryRunText.ForGolden(run.Stdout));
    }

    [Fact]
    public async Task Split_services_is_one_deployment_and_service_account_per_role_with_external_broker_and_database()
    {
        var run = await CliRunner.RunAsync(["install", "--provider", "aws", "--plugins", AwsPlugin, "--bucket", "backups",
            "--prefix", "cluster-a", "--secret-file", _credentials, "--image", Image, "--use-node-agent", "--split-services",
            "--broker-url", "amqp://velero:s3cret@rabbitmq.example:5672/", "--database-url",
            "postgres://velero:s3cret@db.example:5432/velero?sslmode=require", "--snapshot-location-config", "region=us-east-1",
            "--dry-run", "-o", "yaml"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Golden.Assert("install-dry-run-split-services", DryRunText.ForGolden(run.Stdout));
    }

    [Fact]
    public async Task The_hardened_image_guide_example_with_this_products_images_prints_its_objects()
    {
        // ../shared/docs/hardened-image-guide.md, as written, with our image names, plus --dry-run -o yaml.
        var run = await CliRunner.RunAsync(["install",
            "--image", Image,
            "--plugins", AwsPlugin,
            "--provider", "aws",
            "--bucket", "velero",
            "--secret-file", _credentials,
            "--use-volume-snapshots=false",
            "--backup-location-config", "region=minio,s3ForcePathStyle=true,s3Url=http://minio.velero.svc:9000",
            "--kubeconfig", "/nonexistent/kube-config",
            "--dry-run", "-o", "yaml"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Golden.Assert("install-dry-run-hardened-image-guide", DryRunText.ForGolden(run.Stdout));
    }

    [Fact]
    public async Task Crds_only_prints_every_velero_crd_as_a_v1_list_labelled_component_velero()
    {
        var run = await CliRunner.RunAsync(["install", "--crds-only", "--dry-run", "-o", "yaml"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("apiVersion: v1\nitems:\n- apiVersion: apiextensions.k8s.io/v1\n", run.Stdout);
        Assert.EndsWith("kind: List\n\n", run.Stdout);
        var (_, items, _) = DryRunText.Split(run.Stdout);
        Assert.Equal(13, items.Count);
        Assert.All(items, item =>
        {
            Assert.Contains("\n  kind: CustomResourceDefinition\n", item);
            Assert.Contains("\n    labels:\n      component: velero\n", item);
        });
    }

    [Fact]
    public async Task Json_output_is_a_v1_list_of_the_same_objects()
    {
        var yaml = await CliRunner.RunAsync(["install", "--provider", "aws", "--plugins", AwsPlugin, "--bucket", "velero",
            "--no-secret", "--image", Image, "--dry-run", "-o", "yaml"]);
        var json = await CliRunner.RunAsync(["install", "--provider", "aws", "--plugins", AwsPlugin, "--bucket", "velero",
            "--no-secret", "--image", Image, "--dry-run", "-o", "json"]);

        Assert.True(json.ExitCode == 0, json.ToString());
        var list = System.Text.Json.Nodes.JsonNode.Parse(json.Stdout)!;
        Assert.Equal("List", (string?)list["kind"]);
        var kinds = list["items"]!.AsArray().Select(i => $"{(string?)i!["kind"]}/{(string?)i["metadata"]!["name"]}").ToList();
        Assert.Equal(DryRunText.Split(yaml.Stdout).Items.Count, kinds.Count);
        Assert.Contains("Deployment/velero", kinds);
        Assert.DoesNotContain("Secret/cloud-credentials", kinds);
    }

    [Fact]
    public async Task Without_dry_run_or_output_nothing_is_printed_before_the_cluster_is_needed()
    {
        var run = await CliRunner.RunAsync(["install", "--provider", "aws", "--plugins", AwsPlugin, "--bucket", "velero",
            "--no-secret", "--dry-run"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Stdout);
    }
}
