using System.Text.Json.Nodes;
using Velero.Cli.Tests.Support;

namespace Velero.Cli.Tests.Schedule;

public sealed class ScheduleViewTests(CliCluster cluster) : IClassFixture<CliCluster>, IAsyncLifetime
{
    private const string Ns = "sched-views";

    public Task InitializeAsync() => cluster.SeedOnceAsync(Ns, () => ScheduleSeeds.SeedAsync(cluster, Ns));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Get_prints_upstreams_table_sorted_by_name()
    {
        var run = await CliRunner.RunAsync(["schedule", "get", .. cluster.In(Ns)]);

        Assert.Equal(0, run.ExitCode);
        Golden.Assert("schedule-get-table", run.Stdout);
    }

    [Fact]
    public async Task Get_adds_label_columns_and_filters_by_selector()
    {
        var run = await CliRunner.RunAsync(["schedule", "get", "-l", "team=web", "-L", "team", "--show-labels", .. cluster.In(Ns)]);

        Assert.Equal(0, run.ExitCode);
        Golden.Assert("schedule-get-labels", run.Stdout);
    }

    [Fact]
    public async Task Get_of_one_as_json_prints_the_schedule_and_of_several_as_yaml_a_list()
    {
        var one = await CliRunner.RunAsync(["schedule", "get", "nightly", "-o", "json", .. cluster.In(Ns)]);
        var several = await CliRunner.RunAsync(["schedule", "get", "-o", "yaml", .. cluster.In(Ns)]);

        var json = JsonNode.Parse(one.Stdout)!;
        Assert.Equal("Schedule", json["kind"]!.GetValue<string>());
        Assert.Equal("0 1 * * *", json["spec"]!["schedule"]!.GetValue<string>());
        Assert.StartsWith("apiVersion: velero.io/v1\nitems:\n- apiVersion: velero.io/v1\n  kind: Schedule\n", several.Stdout, StringComparison.Ordinal);
        Assert.Contains("kind: ScheduleList\n", several.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_prints_every_schedule_as_upstream_separated_by_blank_lines()
    {
        var run = await CliRunner.RunAsync(["schedule", "describe", .. cluster.In(Ns)]);

        Assert.Equal(0, run.ExitCode);
        Golden.Assert("schedule-describe", run.Stdout);
    }

    [Fact]
    public async Task Describe_or_get_of_a_missing_schedule_is_the_api_servers_not_found_line()
    {
        var run = await CliRunner.RunAsync(["schedule", "describe", "nope", .. cluster.In(Ns)]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("An error occurred: schedules.velero.io \"nope\" not found\n", run.Stderr);
    }

    [Theory]
    [InlineData("app in (a,b")]
    [InlineData("bad key=x")]
    [InlineData("app in a")]
    public async Task An_invalid_selector_is_one_line_and_exit_code_1(string selector)
    {
        var run = await CliRunner.RunAsync(["schedule", "get", "-l", selector, .. cluster.In(Ns)]);

        Assert.Equal(1, run.ExitCode);
        // apimachinery's labels.Parse wording, as upstream reports it.
        Assert.StartsWith("An error occurred: unable to parse requirement: ", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
    }
}
