using Velero.Cli.Progress;
using Velero.Cli.Tests.Support;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Tests.Backup;

public sealed class BackupWaitTests(CliCluster cluster) : IClassFixture<CliCluster>
{
    [Fact]
    public async Task On_a_terminal_the_bar_is_redrawn_in_place_until_the_backup_completes()
    {
        var run = await RunWhileServerProgressesAsync("bar-1", terminal: true);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Backup request \"bar-1\" submitted successfully.\nWaiting for backup to complete. You may safely press ctrl-c to stop waiting - your backup will continue in the background.\n\r[", run.Stdout);
        Assert.Contains("\r[" + new string('=', 6) + ">" + new string(' ', 23) + "] 1250/5000 items  InProgress  00:00", run.Stdout);
        Assert.EndsWith("\r[==============================] 5000/5000 items  Completed  00:00\nBackup completed with status: Completed. You may check for more information using the commands `velero backup describe bar-1` and `velero backup logs bar-1`.\n", run.Stdout);
    }

    [Fact]
    public async Task Without_a_terminal_a_plain_line_is_printed_on_each_phase_change()
    {
        var run = await RunWhileServerProgressesAsync("plain-1", terminal: false);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("\r", run.Stdout);
        Assert.Equal(
            "Backup request \"plain-1\" submitted successfully.\n"
            + "Waiting for backup to complete. You may safely press ctrl-c to stop waiting - your backup will continue in the background.\n"
            + "00:00 New: 0/0 items\n"
            + "00:00 InProgress: 1250/5000 items\n"
            + "00:00 Completed: 5000/5000 items\n"
            + "Backup completed with status: Completed. You may check for more information using the commands `velero backup describe plain-1` and `velero backup logs plain-1`.\n",
            run.Stdout);
    }

    [Fact]
    public async Task Ctrl_c_stops_waiting_and_leaves_the_backup_to_the_server()
    {
        using var interrupt = new CancellationTokenSource();
        var running = CliRunner.RunAsync(["backup", "create", "left-1", "--wait", .. cluster.Flags], cancellationToken: interrupt.Token);
        var backups = new CustomResourceClient<Api.V1.Backup>(cluster.Client);
        await WaitUntilAsync(async () => await backups.GetAsync("velero", "left-1") is not null);
        await interrupt.CancelAsync();

        var run = await running;

        Assert.Equal(1, run.ExitCode);
        Assert.NotNull(await backups.GetAsync("velero", "left-1"));
    }

    private async Task<CliRun> RunWhileServerProgressesAsync(string name, bool terminal)
    {
        var running = CliRunner.RunAsync(["backup", "create", name, "--wait", .. cluster.Flags], terminal: terminal);
        var backups = new CustomResourceClient<Api.V1.Backup>(cluster.Client);
        await WaitUntilAsync(async () => await backups.GetAsync("velero", name) is not null);
        await Task.Delay(ProgressWaiter<Api.V1.Backup>.PollInterval * 2);
        await backups.PatchStatusAsync("velero", name, new { phase = "InProgress", progress = new { totalItems = 5000, itemsBackedUp = 1250 } });
        await Task.Delay(ProgressWaiter<Api.V1.Backup>.PollInterval * 2);
        await backups.PatchStatusAsync("velero", name, new { phase = "Completed", progress = new { totalItems = 5000, itemsBackedUp = 5000 } });
        return await running.WaitAsync(TimeSpan.FromSeconds(20));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200 && !await condition(); i++)
        {
            await Task.Delay(25);
        }
    }
}
