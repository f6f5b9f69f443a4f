using Velero.Cli.Tests.Support;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Tests.Backup;

public sealed class BackupGetTests(CliCluster cluster) : IClassFixture<CliCluster>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        var c = cluster.Client;
        var now = Seed.Now;
        if (await new CustomResourceClient<Api.V1.Backup>(c).GetAsync("velero", "nightly-20261127010000") is not null)
        {
            return;
        }

        await Seed.CreateAsync(c, Seed.Backup("nightly-20261125010000", labels: new Dictionary<string, string> { ["velero.io/schedule-name"] = "nightly" }),
            new { phase = "Completed", startTimestamp = now.AddDays(-2), expiration = now.AddDays(28), errors = 0, warnings = 2 });
        await Seed.CreateAsync(c, Seed.Backup("nightly-20261127010000", labels: new Dictionary<string, string> { ["velero.io/schedule-name"] = "nightly" }),
            new { phase = "Completed", startTimestamp = now.AddHours(-11), expiration = now.AddDays(29).AddHours(13) });
        await Seed.CreateAsync(c, Seed.Backup("nightly-20261126010000", labels: new Dictionary<string, string> { ["velero.io/schedule-name"] = "nightly" }),
            new { phase = "PartiallyFailed", startTimestamp = now.AddDays(-1).AddHours(-11), expiration = now.AddDays(-3), errors = 3, warnings = 1 });
        await Seed.CreateAsync(c, Seed.Backup("adhoc", s => s.LabelSelector = Seed.Selector(("app", "shop"), ("tier", "web"))));
        await Seed.CreateAsync(c, Seed.Backup("queued-two", s => s.Ttl = "48h0m0s"),
            new { phase = "Queued", queuePosition = 2 });
        await Seed.CreateAsync(c, Seed.Backup("running"), new { phase = "InProgress", startTimestamp = now.AddMinutes(-5), expiration = now.AddDays(30), progress = new { totalItems = 5000, itemsBackedUp = 1234 } });
        await Seed.CreateAsync(c, Seed.Backup("broken"), new { phase = "Failed", startTimestamp = now.AddHours(-3), completionTimestamp = now.AddHours(-3).AddMinutes(1), expiration = now.AddDays(29), errors = 1 });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_table_has_upstreams_columns_phases_queue_positions_and_schedule_backups_newest_first()
    {
        var run = await CliRunner.RunAsync(["backup", "get", .. cluster.Flags]);

        Assert.Equal(0, run.ExitCode);
        Golden.Assert("backup-get-table", run.Stdout);
    }

    [Fact]
    public async Task Label_columns_and_show_labels_are_appended()
    {
        var run = await CliRunner.RunAsync(["backup", "get", "-l", "velero.io/schedule-name=nightly", "-L", "velero.io/schedule-name", "--show-labels", .. cluster.Flags]);

        Assert.Equal(0, run.ExitCode);
        Golden.Assert("backup-get-labels", run.Stdout);
    }

    [Fact]
    public async Task Named_backups_print_as_yaml_and_a_list_of_several_as_a_BackupList()
    {
        var one = await CliRunner.RunAsync(["backup", "get", "adhoc", "-o", "yaml", .. cluster.Flags]);
        var two = await CliRunner.RunAsync(["backup", "get", "adhoc", "broken", "-o", "json", .. cluster.Flags]);

        Assert.Equal(0, one.ExitCode);
        Assert.StartsWith("apiVersion: velero.io/v1\nkind: Backup\n", one.Stdout);
        Assert.Contains("matchLabels:", one.Stdout);
        Assert.Equal(0, two.ExitCode);
        Assert.Contains("\"kind\": \"BackupList\"", two.Stdout);
    }

    [Fact]
    public async Task An_unknown_backup_is_one_line_and_exit_1()
    {
        var run = await CliRunner.RunAsync(["backup", "get", "nope", .. cluster.Flags]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("An error occurred: backups.velero.io \"nope\" not found\n", run.Stderr);
    }

    [Fact]
    public async Task An_invalid_selector_is_one_line_and_exit_1()
    {
        var run = await CliRunner.RunAsync(["backup", "get", "-l", "app in (a", .. cluster.Flags]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("An error occurred: unable to parse requirement: found '', expected: ',' or ')'\n", run.Stderr);
    }
}
