using k8s.Models;
using Velero.Api.V1;
using Velero.Cli.Tests.Support;

namespace Velero.Cli.Tests.Schedule;

public sealed class CreateScheduleTests(CliCluster cluster) : IClassFixture<CliCluster>, IAsyncLifetime
{
    private const string Ns = "sched-create";

    public Task InitializeAsync() => cluster.SeedOnceAsync(Ns, () => cluster.SeedAsync(new BackupStorageLocation
    {
        Metadata = new V1ObjectMeta { Name = "primary", NamespaceProperty = Ns },
        Spec = new BackupStorageLocationSpec { Provider = "aws", ObjectStorage = new ObjectStorageLocation { Bucket = "b" } },
    }));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Create_submits_the_schedule_with_its_backup_template()
    {
        var run = await CliRunner.RunAsync(["schedule", "create", "daily-web", "--schedule", "CRON_TZ=Europe/Paris 30 2 * * MON-FRI",
            "--include-namespaces", "web,shop", "--exclude-resources", "events", "-l", "app=web,tier in (front)",
            "--ttl", "72h", "--storage-location", "primary", "--snapshot-volumes=false", "--labels", "team=web",
            "--use-owner-references-in-backup", "--paused", "--skip-immediately=true", "--ordered-resources", "pods=web/a,web/b",
            "--resource-policies-configmap", "policies", "--parallel-files-upload", "8", "--csi-snapshot-timeout", "5m",
            .. cluster.In(Ns)]);

        Assert.Equal((0, "Schedule \"daily-web\" created successfully.\n"), (run.ExitCode, run.Stdout));
        var schedule = await cluster.ReadAsync<Api.V1.Schedule>(Ns, "daily-web");
        Assert.NotNull(schedule);
        Assert.Equal("CRON_TZ=Europe/Paris 30 2 * * MON-FRI", schedule.Spec.Schedule);
        Assert.Equal("web", schedule.Metadata.Labels["team"]);
        Assert.True(schedule.Spec.UseOwnerReferencesInBackup);
        Assert.True(schedule.Spec.Paused);
        Assert.True(schedule.Spec.SkipImmediately);
        var template = schedule.Spec.Template!;
        Assert.Equal(["web", "shop"], template.IncludedNamespaces);
        Assert.Equal(["events"], template.ExcludedResources);
        Assert.Equal("web", template.LabelSelector!.MatchLabels["app"]);
        Assert.Equal("tier", Assert.Single(template.LabelSelector.MatchExpressions).Key);
        Assert.Equal(("72h0m0s", "5m0s", "0s"), (template.Ttl, template.CsiSnapshotTimeout, template.ItemOperationTimeout));
        Assert.Equal("primary", template.StorageLocation);
        Assert.False(template.SnapshotVolumes);
        Assert.Null(template.IncludeClusterResources);
        Assert.Equal("web/a,web/b", template.OrderedResources!["pods"]);
        Assert.Equal(("configmap", "policies"), (template.ResourcePolicy!.Kind, template.ResourcePolicy.Name));
        Assert.Equal(8, template.UploaderConfig!.ParallelFilesUpload);
    }

    [Fact]
    public async Task Create_with_output_prints_the_schedule_without_submitting_it()
    {
        var run = await CliRunner.RunAsync(["schedule", "create", "preview", "--schedule", "@daily", "--include-namespaces", "web",
            "-o", "yaml", .. cluster.In(Ns)]);

        Assert.Equal(0, run.ExitCode);
        Golden.Assert("schedule-create-yaml", run.Stdout);
        Assert.Null(await cluster.ReadAsync<Api.V1.Schedule>(Ns, "preview"));
    }

    [Fact]
    public async Task Create_with_table_output_prints_the_row_without_submitting_it()
    {
        var run = await CliRunner.RunAsync(["schedule", "create", "preview-table", "--schedule", "@every 6h", "-o", "table", .. cluster.In(Ns)]);

        Assert.Equal(0, run.ExitCode);
        Golden.Assert("schedule-create-table", run.Stdout);
        Assert.Null(await cluster.ReadAsync<Api.V1.Schedule>(Ns, "preview-table"));
    }

    [Theory]
    [InlineData("0 25 * * *", "invalid schedule \"0 25 * * *\": hour field \"25\": 25 is above the maximum (23)")]
    [InlineData("61 * * * *", "invalid schedule \"61 * * * *\": minute field \"61\": 61 is above the maximum (59)")]
    [InlineData("0 0 0 * *", "invalid schedule \"0 0 0 * *\": day-of-month field \"0\": 0 is below the minimum (1)")]
    [InlineData("0 0 * 13 *", "invalid schedule \"0 0 * 13 *\": month field \"13\": 13 is above the maximum (12)")]
    [InlineData("0 0 * * FUNDAY", "invalid schedule \"0 0 * * FUNDAY\": day-of-week field \"FUNDAY\": \"FUNDAY\" is not a number or a name (SUN, MON, TUE, WED, THU, FRI, SAT)")]
    [InlineData("*/0 * * * *", "invalid schedule \"*/0 * * * *\": minute field \"*/0\": the step \"0\" must be a positive number")]
    [InlineData("0 6 * *", "invalid schedule \"0 6 * *\": expected exactly 5 fields (minute hour day-of-month month day-of-week), found 4")]
    [InlineData("@fortnightly", "invalid schedule \"@fortnightly\": unrecognized descriptor \"@fortnightly\" (use @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or @every DURATION)")]
    [InlineData("@every 6 hours", "invalid schedule \"@every 6 hours\": @every needs a positive duration such as 6h or 2h30m, got \"6 hours\"")]
    [InlineData("TZ=Mars/Olympus 0 1 * * *", "invalid schedule \"TZ=Mars/Olympus 0 1 * * *\": unknown time zone \"Mars/Olympus\"")]
    public async Task A_bad_cron_expression_fails_in_one_line_naming_the_field(string cron, string message)
    {
        var run = await CliRunner.RunAsync(["schedule", "create", "bad", "--schedule", cron, .. cluster.In(Ns)]);

        Assert.Equal((1, "", $"An error occurred: {message}\n"), (run.ExitCode, run.Stdout, run.Stderr));
        Assert.Null(await cluster.ReadAsync<Api.V1.Schedule>(Ns, "bad"));
    }

    [Fact]
    public async Task Retention_flags_set_the_retention_annotations()
    {
        var run = await CliRunner.RunAsync(["schedule", "create", "kept", "--schedule", "@daily", "--keep-last", "3", "--keep-daily", "7",
            "--keep-monthly=0", .. cluster.In(Ns)]);

        Assert.Equal(0, run.ExitCode);
        var schedule = await cluster.ReadAsync<Api.V1.Schedule>(Ns, "kept");
        Assert.Equal(new Dictionary<string, string>
        {
            ["retention.velero-services.io/keep-last"] = "3",
            ["retention.velero-services.io/keep-daily"] = "7",
            ["retention.velero-services.io/keep-monthly"] = "0",
        }, schedule!.Metadata.Annotations);
    }

    [Fact]
    public async Task A_negative_retention_count_fails_before_anything_is_created()
    {
        var run = await CliRunner.RunAsync(["schedule", "create", "negative", "--schedule", "@daily", "--keep-weekly=-1", .. cluster.In(Ns)]);

        Assert.Equal((1, "An error occurred: --keep-weekly must be from 0 to 100000\n"), (run.ExitCode, run.Stderr));
        Assert.Null(await cluster.ReadAsync<Api.V1.Schedule>(Ns, "negative"));
    }

    [Theory]
    [InlineData("0 */6 * * *")]
    [InlineData("15,45 9-17/2 1-15 JAN-jun ?")]
    [InlineData("@every 2h30m")]
    [InlineData("@midnight")]
    [InlineData("TZ=UTC 0 0 1 1 SUN")]
    public async Task Good_cron_expressions_pass(string cron)
    {
        var run = await CliRunner.RunAsync(["schedule", "create", "ok", "--schedule", cron, "-o", "json", .. cluster.In(Ns)]);

        Assert.Equal(0, run.ExitCode);
    }

    [Theory]
    [InlineData(new[] { "--include-namespaces", "web" }, "--schedule is required")]
    [InlineData(new[] { "--schedule", "@daily", "-l", "a=b", "--or-selector", "c=d" }, "either a 'selector' or an 'or-selector' can be specified, but not both")]
    [InlineData(new[] { "--schedule", "@daily", "--exclude-namespaces", "*" }, "[excludes list cannot contain '*', excludes list cannot contain an item in the includes list: *]")]
    [InlineData(new[] { "--schedule", "@daily", "--include-namespaces", "a", "--exclude-namespaces", "a" }, "excludes list cannot contain an item in the includes list: a")]
    [InlineData(new[] { "--schedule", "@daily", "--storage-location", "missing" }, "backupstoragelocations.velero.io \"missing\" not found")]
    [InlineData(new[] { "--schedule", "@daily", "--volume-snapshot-locations", "nowhere" }, "volumesnapshotlocations.velero.io \"nowhere\" not found")]
    [InlineData(new[] { "--schedule", "@daily", "--ordered-resources", "pods" }, "invalid OrderedResources 'pods'")]
    [InlineData(new[] { "--schedule", "@daily", "-o", "xml" }, "invalid output format \"xml\" - valid values are 'table', 'json', and 'yaml'")]
    public async Task Invalid_flag_combinations_fail_with_upstreams_line(string[] flags, string message)
    {
        var run = await CliRunner.RunAsync(["schedule", "create", "invalid", .. flags, .. cluster.In(Ns)]);

        Assert.Equal((1, $"An error occurred: {message}\n"), (run.ExitCode, run.Stderr));
    }

    [Fact]
    public async Task Old_and_new_resource_filters_together_are_refused()
    {
        var run = await CliRunner.RunAsync(["schedule", "create", "mixed", "--schedule", "@daily", "--include-resources", "pods",
            "--include-cluster-scoped-resources", "storageclasses", .. cluster.In(Ns)]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("An error occurred: include-resources, exclude-resources and include-cluster-resources are old filter parameters.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_immediately_needs_a_value()
    {
        var run = await CliRunner.RunAsync(["schedule", "create", "skip", "--schedule", "@daily", .. cluster.In(Ns), "--skip-immediately"]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Error: flag needs an argument: --skip-immediately\n", run.Stderr, StringComparison.Ordinal);
    }
}
