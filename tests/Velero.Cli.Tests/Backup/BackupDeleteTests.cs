using Velero.Api.V1;
using Velero.Cli.Tests.Support;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Tests.Backup;

public sealed class BackupDeleteTests(CliCluster cluster) : IClassFixture<CliCluster>
{
    private CustomResourceClient<DeleteBackupRequest> Requests => new(cluster.Client);

    [Fact]
    public async Task Answering_no_to_the_prompt_deletes_nothing()
    {
        await Seed.CreateAsync(cluster.Client, Seed.Backup("keep-me"));

        var run = await CliRunner.RunAsync(["backup", "delete", "keep-me", .. cluster.Flags], input: new StringReader("maybe\nn\n"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Are you sure you want to continue (Y/N)? Are you sure you want to continue (Y/N)? ", run.Stdout);
        Assert.DoesNotContain((await Requests.ListAsync("velero")).Items, r => r.Spec.BackupName == "keep-me");
    }

    [Fact]
    public async Task Confirmed_deletion_creates_a_labelled_DeleteBackupRequest_per_backup()
    {
        var backup = await Seed.CreateAsync(cluster.Client, Seed.Backup("drop-me"));

        var run = await CliRunner.RunAsync(["backup", "delete", "drop-me", .. cluster.Flags], input: new StringReader("y\n"));

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("Request to delete backup \"drop-me\" submitted successfully.\nThe backup will be fully deleted after all associated data (disk snapshots, backup files, restores) are removed.\n", run.Stdout);
        var request = Assert.Single((await Requests.ListAsync("velero", "velero.io/backup-name=drop-me")).Items);
        Assert.Equal("drop-me", request.Spec.BackupName);
        Assert.Equal(backup.Metadata.Uid, request.Metadata.Labels["velero.io/backup-uid"]);
        Assert.StartsWith("drop-me-", request.Metadata.Name);
    }

    [Fact]
    public async Task Nothing_matching_prints_no_backups_found()
    {
        var run = await CliRunner.RunAsync(["backup", "delete", "-l", "app=none", "--confirm", .. cluster.Flags]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("No backups found\n", run.Stdout);
    }

    [Theory]
    [InlineData("backup delete --confirm")]
    [InlineData("backup delete a --all --confirm")]
    [InlineData("backup delete --all -l a=b --confirm")]
    public async Task Names_all_and_selector_are_mutually_exclusive(string commandLine)
    {
        var run = await CliRunner.RunAsync([.. commandLine.Split(' '), .. cluster.Flags]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("An error occurred: you must specify exactly one of: specific backup name(s), the --all flag, or the --selector flag\n", run.Stderr);
    }
}
