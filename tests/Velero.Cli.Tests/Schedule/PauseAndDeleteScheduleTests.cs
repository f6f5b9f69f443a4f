using k8s.Models;
using Velero.Api.V1;
using Velero.Cli.Tests.Support;

namespace Velero.Cli.Tests.Schedule;

public sealed class PauseAndDeleteScheduleTests(CliCluster cluster) : IClassFixture<CliCluster>
{
    private async Task<string> SeedAsync(string ns, params (string Name, bool Paused, string Team)[] schedules)
    {
        await cluster.NamespaceAsync(ns);
        foreach (var (name, paused, team) in schedules)
        {
            await cluster.SeedAsync(new Api.V1.Schedule
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["team"] = team } },
                Spec = new ScheduleSpec { Schedule = "@daily", Paused = paused ? true : null, Template = new BackupSpec() },
            });
        }

        return ns;
    }

    private async Task<bool?> PausedAsync(string ns, string name) => (await cluster.ReadAsync<Api.V1.Schedule>(ns, name))!.Spec.Paused;

    [Fact]
    public async Task Pause_pauses_the_named_schedules_and_skips_those_already_paused()
    {
        var ns = await SeedAsync("sched-pause", ("a", false, "x"), ("b", true, "x"));

        var run = await CliRunner.RunAsync(["schedule", "pause", "a", "b", .. cluster.In(ns)]);

        Assert.Equal((0, "Schedule a paused successfully\nSchedule b is already paused, skip\n"), (run.ExitCode, run.Stdout));
        Assert.True(await PausedAsync(ns, "a"));
    }

    [Fact]
    public async Task Unpause_by_selector_sets_skip_immediately_when_asked()
    {
        var ns = await SeedAsync("sched-unpause", ("a", true, "web"), ("b", true, "db"), ("c", false, "web"));

        var run = await CliRunner.RunAsync(["schedule", "unpause", "-l", "team=web", "--skip-immediately=true", .. cluster.In(ns)]);

        Assert.Equal((0, "Schedule a unpaused successfully\nSchedule c is already unpaused, skip\n"), (run.ExitCode, run.Stdout));
        var a = await cluster.ReadAsync<Api.V1.Schedule>(ns, "a");
        Assert.False(a!.Spec.Paused);
        Assert.True(a.Spec.SkipImmediately);
        Assert.True(await PausedAsync(ns, "b"));
    }

    [Fact]
    public async Task Pause_all_pauses_every_schedule_and_a_missing_name_is_reported()
    {
        var ns = await SeedAsync("sched-pause-all", ("a", false, "x"), ("b", false, "y"));

        var all = await CliRunner.RunAsync(["schedule", "pause", "--all", .. cluster.In(ns)]);
        var missing = await CliRunner.RunAsync(["schedule", "unpause", "a", "ghost", .. cluster.In(ns)]);

        Assert.Equal((0, "Schedule a paused successfully\nSchedule b paused successfully\n"), (all.ExitCode, all.Stdout));
        Assert.Equal((1, "Schedule a unpaused successfully\n", "An error occurred: schedules.velero.io \"ghost\" not found\n"),
            (missing.ExitCode, missing.Stdout, missing.Stderr));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a --all")]
    [InlineData("--all -l a=b")]
    public async Task Pause_needs_exactly_one_way_of_choosing(string args)
    {
        var run = await CliRunner.RunAsync(["schedule", "pause", .. args.Split(' ', StringSplitOptions.RemoveEmptyEntries), .. cluster.Flags]);

        Assert.Equal((1, "An error occurred: you must specify exactly one of: specific schedule name(s), the --all flag, or the --selector flag\n"),
            (run.ExitCode, run.Stderr));
    }

    [Fact]
    public async Task Delete_with_confirm_deletes_and_an_empty_selection_says_so()
    {
        var ns = await SeedAsync("sched-delete", ("a", false, "web"), ("b", false, "db"));

        var run = await CliRunner.RunAsync(["schedule", "delete", "-l", "team=web", "--confirm", .. cluster.In(ns)]);
        var none = await CliRunner.RunAsync(["schedule", "delete", "-l", "team=web", "--confirm", .. cluster.In(ns)]);

        Assert.Equal((0, "Schedule deleted: a\n"), (run.ExitCode, run.Stdout));
        Assert.Null(await cluster.ReadAsync<Api.V1.Schedule>(ns, "a"));
        Assert.NotNull(await cluster.ReadAsync<Api.V1.Schedule>(ns, "b"));
        Assert.Equal((0, "No schedules found\n"), (none.ExitCode, none.Stdout));
    }

    [Fact]
    public async Task Delete_asks_first_and_a_no_keeps_the_schedule()
    {
        var ns = await SeedAsync("sched-delete-ask", ("a", false, "web"));

        var no = await CliRunner.RunAsync(["schedule", "delete", "a", .. cluster.In(ns)], input: new StringReader("maybe\nn\n"));
        var yes = await CliRunner.RunAsync(["schedule", "delete", "a", .. cluster.In(ns)], input: new StringReader("Y\n"));

        Assert.Equal((0, "Are you sure you want to continue (Y/N)? Are you sure you want to continue (Y/N)? "), (no.ExitCode, no.Stdout));
        Assert.Equal("Are you sure you want to continue (Y/N)? Schedule deleted: a\n", yes.Stdout);
        Assert.Null(await cluster.ReadAsync<Api.V1.Schedule>(ns, "a"));
    }
}
