using Velero.Api.V1;
using Velero.Cli.Tests.Support;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Tests.Backup;

public sealed class BackupCreateTests(CliCluster cluster) : IClassFixture<CliCluster>
{
    private CustomResourceClient<Api.V1.Backup> Backups => new(cluster.Client);

    [Fact]
    public async Task Output_yaml_prints_the_backup_without_submitting_it()
    {
        var run = await CliRunner.RunAsync(["backup", "create", "printed", "--include-namespaces", "shop", "--ttl", "24h", "-o", "yaml", .. cluster.Flags]);

        Assert.Equal(0, run.ExitCode);
        Golden.Assert("backup-create-yaml", run.Stdout);
        Assert.Null(await Backups.GetAsync("velero", "printed"));
    }

    [Fact]
    public async Task Create_submits_the_spec_the_flags_describe()
    {
        await Seed.CreateAsync(cluster.Client, new BackupStorageLocation { Metadata = new() { Name = "primary" }, Spec = new() { Provider = "aws" } });

        var run = await CliRunner.RunAsync(["backup", "create", "shop-1", "--include-namespaces", "shop,web", "--exclude-resources", "secrets",
            "-l", "app=shop,tier in (web,db)", "--storage-location", "primary", "--snapshot-volumes=false", "--ttl", "72h",
            "--labels", "team=a", "--ordered-resources", "pods=shop/a,shop/b", "--parallel-files-upload", "4", .. cluster.Flags]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Backup request \"shop-1\" submitted successfully.\nRun `velero backup describe shop-1` or `velero backup logs shop-1` for more details.\n", run.Stdout);
        var backup = await Backups.GetAsync("velero", "shop-1");
        Assert.NotNull(backup);
        Assert.Equal(["shop", "web"], backup.Spec.IncludedNamespaces!);
        Assert.Equal(["secrets"], backup.Spec.ExcludedResources!);
        Assert.Equal("shop", backup.Spec.LabelSelector!.MatchLabels["app"]);
        Assert.Equal(["db", "web"], backup.Spec.LabelSelector.MatchExpressions.Single().Values);
        Assert.Equal("primary", backup.Spec.StorageLocation);
        Assert.False(backup.Spec.SnapshotVolumes);
        Assert.Equal("72h0m0s", backup.Spec.Ttl);
        Assert.Equal("a", backup.Metadata.Labels["team"]);
        Assert.Equal("shop/a,shop/b", backup.Spec.OrderedResources!["pods"]);
        Assert.Equal(4, backup.Spec.UploaderConfig!.ParallelFilesUpload);
    }

    [Fact]
    public async Task From_schedule_takes_the_template_and_a_timestamped_name()
    {
        await Seed.CreateAsync(cluster.Client, new Api.V1.Schedule
        {
            Metadata = new() { Name = "daily", Labels = new Dictionary<string, string> { ["env"] = "prod" } },
            Spec = new ScheduleSpec { Schedule = "@daily", Template = new BackupSpec { IncludedNamespaces = ["billing"], Ttl = "240h0m0s" } },
        });

        var run = await CliRunner.RunAsync(["backup", "create", "--from-schedule", "daily", .. cluster.Flags]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Creating backup from schedule, all other filters are ignored.\nBackup request \"daily-20261127120000\" submitted successfully.\n", run.Stdout);
        var backup = await Backups.GetAsync("velero", "daily-20261127120000");
        Assert.Equal(["billing"], backup!.Spec.IncludedNamespaces!);
        Assert.Equal("daily", backup.Metadata.Labels["velero.io/schedule-name"]);
        Assert.Equal("prod", backup.Metadata.Labels["env"]);
    }

    [Theory]
    [InlineData(new[] { "backup", "create" }, "An error occurred: a backup name is required, unless you are creating based on a schedule\n")]
    [InlineData(new[] { "backup", "create", "x", "-l", "a=b", "--or-selector", "c=d or e=f" }, "An error occurred: either a 'selector' or an 'or-selector' can be specified, but not both\n")]
    [InlineData(new[] { "backup", "create", "x", "--from-schedule", " " }, "An error occurred: flag must have a non-empty value: --from-schedule\n")]
    [InlineData(new[] { "backup", "create", "x", "--include-resources", "pods", "--include-namespace-scoped-resources", "pods" }, "An error occurred: include-resources, exclude-resources and include-cluster-resources are old filter parameters.\ninclude-cluster-scoped-resources, exclude-cluster-scoped-resources, include-namespace-scoped-resources and exclude-namespace-scoped-resources are new filter parameters.\nThey cannot be used together\n")]
    [InlineData(new[] { "backup", "create", "x", "--storage-location", "missing" }, "An error occurred: backupstoragelocations.velero.io \"missing\" not found\n")]
    [InlineData(new[] { "backup", "create", "x", "--volume-snapshot-locations", "gone" }, "An error occurred: volumesnapshotlocations.velero.io \"gone\" not found\n")]
    [InlineData(new[] { "backup", "create", "x", "--from-schedule", "nope" }, "An error occurred: schedules.velero.io \"nope\" not found\n")]
    [InlineData(new[] { "backup", "create", "x", "-o", "wide" }, "An error occurred: invalid output format \"wide\" - valid values are 'table', 'json', and 'yaml'\n")]
    [InlineData(new[] { "backup", "create", "x", "--ordered-resources", "pods" }, "An error occurred: invalid OrderedResources 'pods'\n")]
    public async Task Invalid_requests_are_refused_with_upstreams_message(string[] args, string stderr)
    {
        var run = await CliRunner.RunAsync([.. args, .. cluster.Flags]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(stderr, run.Stderr);
        Assert.Null(await Backups.GetAsync("velero", "x"));
    }

    [Fact]
    public async Task An_invalid_selector_is_reported_as_pflag_reports_a_bad_flag_value()
    {
        var run = await CliRunner.RunAsync(["backup", "create", "x", "-l", "a=b c", .. cluster.Flags]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Error: invalid argument \"a=b c\" for \"-l, --selector\" flag: couldn't parse the selector string \"a=b c\": found 'c', expected: ',' or 'end of string'\n", run.Stderr);
    }

    [Fact]
    public async Task An_invalid_namespace_pattern_is_refused()
    {
        var run = await CliRunner.RunAsync(["backup", "create", "x", "--include-namespaces", "a,*", .. cluster.Flags]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("An error occurred: includes list must either contain '*' only, or a non-empty list of items\n", run.Stderr);
    }
}
