using Velero.Api.V1;
using Velero.Cli.Printers;
using Velero.Cli.Tests.Support;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Tests.Restore;

public sealed class RestoreTests(CliCluster cluster) : IClassFixture<CliCluster>
{
    private CustomResourceClient<Api.V1.Restore> Restores => new(cluster.Client);

    [Fact]
    public async Task Create_from_a_backup_with_mappings_submits_the_spec_and_a_timestamped_name()
    {
        await Seed.CreateAsync(cluster.Client, Seed.Backup("shop-b"));

        var run = await CliRunner.RunAsync(["restore", "create", "--from-backup", "shop-b", "--namespace-mappings", "shop:shop2,web:web2",
            "--existing-resource-policy", "update", "--include-namespaces", "shop,web", .. cluster.Flags]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Restore request \"shop-b-20261127120000\" submitted successfully.\nRun `velero restore describe shop-b-20261127120000` or `velero restore logs shop-b-20261127120000` for more details.\n", run.Stdout);
        var restore = await Restores.GetAsync("velero", "shop-b-20261127120000");
        Assert.Equal("shop-b", restore!.Spec.BackupName);
        Assert.Equal("shop2", restore.Spec.NamespaceMapping!["shop"]);
        Assert.Equal("web2", restore.Spec.NamespaceMapping["web"]);
        Assert.Equal("update", restore.Spec.ExistingResourcePolicy);
    }

    [Fact]
    public async Task Output_json_prints_the_restore_without_submitting_it()
    {
        await Seed.CreateAsync(cluster.Client, Seed.Backup("printed-b"));

        var run = await CliRunner.RunAsync(["restore", "create", "r-printed", "--from-backup", "printed-b", "-o", "json", .. cluster.Flags]);

        Assert.Equal(0, run.ExitCode);
        Golden.Assert("restore-create-json", run.Stdout);
        Assert.Null(await Restores.GetAsync("velero", "r-printed"));
    }

    [Theory]
    [InlineData(new[] { "restore", "create", "r" }, "An error occurred: either a backup or schedule must be specified, but not both\n")]
    [InlineData(new[] { "restore", "create", "r", "--from-backup", "a", "--from-schedule", "b" }, "An error occurred: either a backup or schedule must be specified, but not both\n")]
    [InlineData(new[] { "restore", "create", "r", "--from-backup", "missing" }, "An error occurred: backups.velero.io \"missing\" not found\n")]
    [InlineData(new[] { "restore", "create", "r", "--from-schedule", "none" }, "An error occurred: No backups found for the schedule none\n")]
    [InlineData(new[] { "restore", "create", "r", "--from-backup", "missing", "--existing-resource-policy", "merge" }, "An error occurred: existing-resource-policy has invalid value, it accepts only none, update as value\n")]
    [InlineData(new[] { "restore", "create", "r", "--from-backup", "missing", "--parallel-files-download", "-1" }, "An error occurred: parallel-files-download cannot be negative\n")]
    public async Task Invalid_requests_are_refused_with_upstreams_message(string[] args, string stderr)
    {
        var run = await CliRunner.RunAsync([.. args, .. cluster.Flags]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(stderr, run.Stderr);
    }

    [Fact]
    public async Task A_mapping_without_a_colon_is_a_flag_error()
    {
        var run = await CliRunner.RunAsync(["restore", "create", "--from-backup", "x", "--namespace-mappings", "shop=shop2", .. cluster.Flags]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Error: invalid argument \"shop=shop2\" for \"--namespace-mappings\" flag: error parsing \"shop=shop2\"\n", run.Stderr);
    }

    [Fact]
    public async Task Get_prints_upstreams_table_and_marks_restores_being_deleted()
    {
        await Seed.CreateAsync(cluster.Client, Seed.Restore("table-a", "nightly-1"),
            new { phase = "Completed", startTimestamp = Seed.Now.AddMinutes(-9), completionTimestamp = Seed.Now.AddMinutes(-8), warnings = 2 });
        await Seed.CreateAsync(cluster.Client, Seed.Restore("table-b", "nightly-1", s => s.LabelSelector = Seed.Selector(("app", "web"))),
            new { phase = "PartiallyFailed", startTimestamp = Seed.Now.AddMinutes(-4), completionTimestamp = Seed.Now.AddMinutes(-1), errors = 4 });
        await Seed.CreateAsync(cluster.Client, Seed.Restore("table-c", "nightly-2"));

        var run = await CliRunner.RunAsync(["restore", "get", "table-a", "table-b", "table-c", .. cluster.Flags]);

        Assert.Equal(0, run.ExitCode);
        Golden.Assert("restore-get-table", run.Stdout);
    }

    [Fact]
    public async Task Delete_removes_the_restore_after_confirmation()
    {
        await Seed.CreateAsync(cluster.Client, Seed.Restore("gone-r", "x"));

        var run = await CliRunner.RunAsync(["restore", "delete", "gone-r", "--confirm", .. cluster.Flags]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Request to delete restore \"gone-r\" submitted successfully.\nThe restore will be fully deleted after all associated data (restore files in object storage) are removed.\n", run.Stdout);
        Assert.Null(await Restores.GetAsync("velero", "gone-r"));
    }

    [Fact]
    public async Task Describe_prints_upstreams_sections_for_a_restore_with_mappings_and_errors()
    {
        var restore = new Api.V1.Restore
        {
            Metadata = new() { Name = "shop-r", NamespaceProperty = "velero" },
            Spec = new RestoreSpec
            {
                BackupName = "shop-1", IncludedNamespaces = ["*"], NamespaceMapping = new Dictionary<string, string> { ["shop"] = "shop2" },
                ExistingResourcePolicy = "update", ItemOperationTimeout = "4h0m0s", UploaderConfig = new UploaderConfigForRestore(),
            },
            Status = new RestoreStatus
            {
                Phase = "PartiallyFailed", StartTimestamp = Seed.Now.AddMinutes(-3), CompletionTimestamp = Seed.Now.AddMinutes(-2), Errors = 1,
                Progress = new RestoreProgress { TotalItems = 10, ItemsRestored = 9 },
            },
        };
        var files = new FileSet(new() { [DownloadTargetKind.RestoreResults] = """{"errors":{"namespaces":{"shop2":["error restoring pods/shop2/web: quota exceeded"]}}}""" });

        var text = await RestoreDescriber.DescribeAsync(restore, [], details: false, files, TimeZoneInfo.Utc, default);

        Golden.Assert("restore-describe-partially-failed", text);
    }
}
