using k8s.Models;
using Velero.Api;
using Velero.Api.V1;
using Velero.Cli.Tests.Support;

namespace Velero.Cli.Tests.BackupLocation;

public sealed class BackupLocationTests(CliCluster cluster) : IClassFixture<CliCluster>
{
    private async Task<string> SeedAsync(string ns)
    {
        await cluster.NamespaceAsync(ns);
        await cluster.SeedAsync(new BackupStorageLocation
        {
            Metadata = new V1ObjectMeta { Name = "default", NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["tier"] = "gold" } },
            Spec = new BackupStorageLocationSpec { Provider = "aws", Default = true, ObjectStorage = new ObjectStorageLocation { Bucket = "velero-backups", Prefix = "prod" } },
        }, new { phase = "Available", lastValidationTime = "2026-11-27T11:59:30Z" });
        await cluster.SeedAsync(new BackupStorageLocation
        {
            Metadata = new V1ObjectMeta { Name = "archive", NamespaceProperty = ns },
            Spec = new BackupStorageLocationSpec { Provider = "velero.io/gcp", AccessMode = "ReadOnly", ObjectStorage = new ObjectStorageLocation { Bucket = "cold-archive" } },
        }, new { phase = "Unavailable", lastValidationTime = "2026-11-26T08:00:00Z" });
        await cluster.SeedAsync(new BackupStorageLocation
        {
            Metadata = new V1ObjectMeta { Name = "new-site", NamespaceProperty = ns },
            Spec = new BackupStorageLocationSpec { Provider = "azure", ObjectStorage = new ObjectStorageLocation { Bucket = "site2" } },
        });
        return ns;
    }

    [Fact]
    public async Task Get_prints_upstreams_table_and_default_shows_only_the_default()
    {
        var ns = await SeedAsync("bsl-get");

        var all = await CliRunner.RunAsync(["backup-location", "get", .. cluster.In(ns)]);
        var onlyDefault = await CliRunner.RunAsync(["backup-location", "get", "--default", "--show-labels", .. cluster.In(ns)]);
        var yaml = await CliRunner.RunAsync(["backup-location", "get", "archive", "-o", "yaml", .. cluster.In(ns)]);

        Golden.Assert("backup-location-get-table", all.Stdout);
        Golden.Assert("backup-location-get-default", onlyDefault.Stdout);
        Assert.Contains("kind: BackupStorageLocation\n", yaml.Stdout, StringComparison.Ordinal);
        Assert.Contains("  accessMode: ReadOnly\n", yaml.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_submits_the_location_and_reads_back_as_given()
    {
        var ns = await cluster.NamespaceAsync("bsl-create");
        var caCert = Path.Combine(Path.GetTempPath(), $"velero-ca-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(caCert, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");

        var run = await CliRunner.RunAsync(["backup-location", "create", "s3", "--provider", "aws", "--bucket", "bk", "--prefix", "cluster-a",
            "--config", "region=eu-west-1,s3ForcePathStyle=true", "--credential", "cloud-credentials=cloud", "--default",
            "--access-mode", "ReadOnly", "--backup-sync-period", "2m", "--validation-frequency", "0s", "--cacert", caCert,
            "--labels", "site=a", .. cluster.In(ns)]);
        File.Delete(caCert);

        Assert.Equal((0, "Backup storage location \"s3\" configured successfully.\n"), (run.ExitCode, run.Stdout));
        var bsl = (await cluster.ReadAsync<BackupStorageLocation>(ns, "s3"))!;
        Assert.Equal(("aws", "bk", "cluster-a"), (bsl.Spec.Provider, bsl.Spec.ObjectStorage!.Bucket, bsl.Spec.ObjectStorage.Prefix));
        Assert.Equal("eu-west-1", bsl.Spec.Config!["region"]);
        Assert.Equal(("cloud-credentials", "cloud"), (bsl.Spec.Credential!.Name, bsl.Spec.Credential.Key));
        Assert.True(bsl.Spec.Default);
        Assert.Equal(("ReadOnly", "2m0s", "0s"), (bsl.Spec.AccessMode, bsl.Spec.BackupSyncPeriod, bsl.Spec.ValidationFrequency));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", System.Text.Encoding.UTF8.GetString(bsl.Spec.ObjectStorage.CaCert!), StringComparison.Ordinal);
        Assert.Equal("a", bsl.Metadata.Labels["site"]);

        var second = await CliRunner.RunAsync(["backup-location", "create", "gcs", "--provider", "gcp", "--bucket", "b2", "--default", .. cluster.In(ns)]);
        Assert.Equal((1, "An error occurred: there is already exist default backup storage location, please unset it first or do not set --default flag\n"),
            (second.ExitCode, second.Stderr));
    }

    [Fact]
    public async Task Create_with_output_prints_without_submitting()
    {
        var ns = await cluster.NamespaceAsync("bsl-preview");

        var yaml = await CliRunner.RunAsync(["backup-location", "create", "preview", "--provider", "aws", "--bucket", "bk",
            "--config", "region=us-east-1", "-o", "yaml", .. cluster.In(ns)]);
        var table = await CliRunner.RunAsync(["backup-location", "create", "preview", "--provider", "aws", "--bucket", "bk", "-o", "table", .. cluster.In(ns)]);

        Golden.Assert("backup-location-create-yaml", yaml.Stdout);
        Golden.Assert("backup-location-create-table", table.Stdout);
        Assert.Null(await cluster.ReadAsync<BackupStorageLocation>(ns, "preview"));
    }

    [Theory]
    [InlineData(new[] { "--bucket", "b" }, "An error occurred: --provider is required\n")]
    [InlineData(new[] { "--provider", "aws" }, "An error occurred: --bucket is required\n")]
    [InlineData(new[] { "--provider", "aws", "--bucket", "b", "--credential", "a=b,c=d" }, "An error occurred: --credential can only contain 1 key/value pair\n")]
    [InlineData(new[] { "--provider", "aws", "--bucket", "b", "--backup-sync-period", "-1m" }, "An error occurred: --backup-sync-period must be non-negative\n")]
    [InlineData(new[] { "--provider", "aws", "--bucket", "b", "--cacert", "/nonexistent/ca.pem" }, "An error occurred: open /nonexistent/ca.pem: no such file or directory\n")]
    public async Task Create_validation_errors_are_one_line(string[] flags, string stderr)
    {
        var run = await CliRunner.RunAsync(["backup-location", "create", "x", .. flags, .. cluster.Flags]);

        Assert.Equal((1, stderr), (run.ExitCode, run.Stderr));
    }

    [Fact]
    public async Task Bad_config_syntax_is_a_flag_error()
    {
        var run = await CliRunner.RunAsync(["backup-location", "create", "x", "--provider", "aws", "--bucket", "b", "--config", "region", .. cluster.Flags]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Error: invalid argument \"region\" for \"--config\" flag: error parsing region\n", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_default_follows_upstreams_one_default_rule()
    {
        var ns = await SeedAsync("bsl-set");

        var again = await CliRunner.RunAsync(["backup-location", "set", "default", "--default", .. cluster.In(ns)]);
        var second = await CliRunner.RunAsync(["backup-location", "set", "archive", "--default", .. cluster.In(ns)]);
        var unset = await CliRunner.RunAsync(["backup-location", "set", "default", "--default=false", "--credential", "creds=cloud", .. cluster.In(ns)]);
        var move = await CliRunner.RunAsync(["backup-location", "set", "archive", "--default", .. cluster.In(ns)]);

        Assert.Equal("Backup storage location \"default\" is already the default backup storage location.\n", again.Stdout);
        Assert.Equal((1, "An error occurred: there are already exist default backup storage locations, please unset them first\n"), (second.ExitCode, second.Stderr));
        Assert.Equal("Backup storage location \"default\" configured successfully.\n", unset.Stdout);
        Assert.Equal((0, "Backup storage location \"archive\" configured successfully.\n"), (move.ExitCode, move.Stdout));
        var old = (await cluster.ReadAsync<BackupStorageLocation>(ns, "default"))!;
        Assert.False(old.Spec.Default);
        Assert.Equal("creds", old.Spec.Credential!.Name);
        Assert.Equal("prod", old.Spec.ObjectStorage!.Prefix);
        Assert.True((await cluster.ReadAsync<BackupStorageLocation>(ns, "archive"))!.Spec.Default);
    }

    [Fact]
    public async Task Delete_removes_the_location_with_its_backups_and_repositories()
    {
        var ns = await SeedAsync("bsl-delete");
        var labels = new Dictionary<string, string> { [WellKnown.StorageLocationLabel] = "archive" };
        await cluster.SeedAsync(new Api.V1.Backup { Metadata = new V1ObjectMeta { Name = "old-1", NamespaceProperty = ns, Labels = labels } });
        await cluster.SeedAsync(new Api.V1.Backup { Metadata = new V1ObjectMeta { Name = "kept", NamespaceProperty = ns } });
        await cluster.SeedAsync(new BackupRepository
        {
            Metadata = new V1ObjectMeta { Name = "web-archive-kopia", NamespaceProperty = ns, Labels = labels },
            Spec = new BackupRepositorySpec { VolumeNamespace = "web", BackupStorageLocation = "archive", ResticIdentifier = "x", RepositoryType = "kopia" },
        });

        var run = await CliRunner.RunAsync(["backup-location", "delete", "archive", "--confirm", .. cluster.In(ns)]);

        Assert.Equal((0,
            "Backup storage location \"archive\" deleted successfully.\n" +
            "Backup associated with deleted BSL(s) \"old-1\" deleted successfully.\n" +
            "Backup repository associated with deleted BSL(s) \"web-archive-kopia\" deleted successfully.\n"), (run.ExitCode, run.Stdout));
        Assert.Null(await cluster.ReadAsync<BackupStorageLocation>(ns, "archive"));
        Assert.Null(await cluster.ReadAsync<Api.V1.Backup>(ns, "old-1"));
        Assert.NotNull(await cluster.ReadAsync<Api.V1.Backup>(ns, "kept"));
        Assert.Null(await cluster.ReadAsync<BackupRepository>(ns, "web-archive-kopia"));
    }

    [Fact]
    public async Task Delete_needs_exactly_one_way_of_choosing()
    {
        var run = await CliRunner.RunAsync(["backup-location", "delete", "--confirm", .. cluster.Flags]);

        Assert.Equal((1, "An error occurred: you must specify exactly one of: specific backup-location name(s), the --all flag, or the --selector flag\n"),
            (run.ExitCode, run.Stderr));
    }
}
