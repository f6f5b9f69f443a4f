using System.Text.RegularExpressions;
using k8s;
using k8s.Autorest;
using Velero.Api;
using Velero.Api.V1;
using Velero.Cli.Commands.Version;
using Velero.Integration.Tests.Downloads;
using Velero.Integration.Tests.Support;
using Velero.Kubernetes.Resources;
using Velero.ServiceDefaults.Hosting;
using Velero.Testing;

namespace Velero.Integration.Tests.Cli;

/// <summary>
/// The <c>velero</c> CLI against the local stack, as a user runs it in a script (standard output not a terminal):
/// <c>velero server</c> with the scheduler, snapshotter and restorer, the real RabbitMQ, PostgreSQL and Ceph, and an
/// emulated cluster. Each test asserts what the user sees and what the cluster then holds.
/// </summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed partial class CliEndToEndTests(CliStackFixture stack) : IClassFixture<CliStackFixture>
{
    private const string Velero = DownloadFixture.Namespace;

    [Fact]
    public async Task Backup_create_wait_reports_progress_and_completion_and_get_and_describe_show_the_completed_backup()
    {
        var (code, output, error) = await stack.BackupAsync();

        Assert.True(code == 0, $"exit {code}\n{output}\n{error}\n{stack.Server.Output}");
        var lines = output.Split('\n');
        Assert.Equal("Backup request \"shop-e2e\" submitted successfully.", lines[0]);
        Assert.Equal("Waiting for backup to complete. You may safely press ctrl-c to stop waiting - your backup will continue in the background.",
            lines[1]);
        // Not a terminal: one plain line per phase change (and every few seconds), the last one the final count.
        var progress = lines.Skip(2).TakeWhile(l => !l.StartsWith("Backup completed", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(progress);
        Assert.All(progress, l => Assert.Matches(@"^\d\d:\d\d [A-Za-z]+: \d+/\d+ items$", l));
        Assert.Matches(@" Completed: (\d+)/\1 items$", progress[^1]);
        Assert.EndsWith("Backup completed with status: Completed. You may check for more information using the commands "
            + "`velero backup describe shop-e2e` and `velero backup logs shop-e2e`.\n", output, StringComparison.Ordinal);
        Assert.Equal("", error);

        var get = await stack.CliAsync("backup", "get", CliStackFixture.BackupName);
        Assert.Equal(0, get.Code);
        // Upstream's table: the tabwriter pads every column, the last one too.
        Assert.True(BackupTable().IsMatch(get.Out), get.Out);

        var describe = await stack.CliAsync("backup", "describe", CliStackFixture.BackupName, "--details");
        Assert.True(describe.Code == 0, describe.Err);
        Assert.Matches(@"(?m)^Phase:\s+Completed$", describe.Out);
        Assert.Matches(@"(?m)^\s+Included:\s+shop$", describe.Out);
        // The resource list is the backup's file in the location, read through a DownloadRequest the server answers.
        Assert.Contains("Resource List:\n", describe.Out, StringComparison.Ordinal);
        // The namespace, what the cluster put in it (its service account and root CA), and the application.
        Assert.Equal(["shop", "shop/default", "shop/kube-root-ca.crt", "shop/settings", "shop/storefront"],
            ResourceListItem().Matches(describe.Out).Select(m => m.Groups[1].Value).Where(i => i.StartsWith("shop", StringComparison.Ordinal))
                .Distinct().Order(StringComparer.Ordinal));
        Assert.Matches(@"(?m)^\s+v1/ConfigMap:\n(\s+- \S+\n)*\s+- shop/settings$", describe.Out);
        Assert.Matches(@"(?m)^\s+apps/v1/Deployment:\n(\s+- \S+\n)*\s+- shop/storefront$", describe.Out);
    }

    [Fact]
    public async Task Restore_create_wait_brings_back_a_deleted_namespace()
    {
        Assert.Equal(0, (await stack.BackupAsync()).Code);
        await stack.Client.CoreV1.DeleteNamespaceAsync(CliStackFixture.Shop);
        await Eventually.WaitAsync(async () => !await NamespaceExistsAsync(CliStackFixture.Shop), TimeSpan.FromSeconds(30),
            "namespace shop was not deleted");

        var (code, output, error) = await stack.CliAsync("restore", "create", "--from-backup", CliStackFixture.BackupName, "--wait");

        Assert.True(code == 0, $"exit {code}\n{output}\n{error}\n{stack.Server.Output}");
        var name = Assert.Single(RestoreSubmitted().Matches(output)).Groups[1].Value;
        Assert.Matches(@"^shop-e2e-\d{14}$", name);
        Assert.EndsWith($"Restore completed with status: Completed. You may check for more information using the commands "
            + $"`velero restore describe {name}` and `velero restore logs {name}`.\n", output, StringComparison.Ordinal);
        var settings = await stack.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", CliStackFixture.Shop);
        Assert.Equal("EUR", settings.Data["currency"]);
        Assert.Equal(name, settings.Metadata.Labels[WellKnown.RestoreNameLabel]);
        var storefront = await stack.Client.AppsV1.ReadNamespacedDeploymentAsync("storefront", CliStackFixture.Shop);
        Assert.Equal("settings", storefront.Spec.Template.Spec.Containers[0].EnvFrom[0].ConfigMapRef.Name);
        Assert.Equal("shop", (await stack.Client.CoreV1.ReadNamespaceAsync(CliStackFixture.Shop)).Metadata.Labels["team"]);
    }

    [Fact]
    public async Task Restore_create_with_namespace_mappings_copies_the_application_into_the_new_namespace()
    {
        Assert.Equal(0, (await stack.BackupAsync()).Code);

        var (code, output, error) = await stack.CliAsync("restore", "create", "shop-copy", "--from-backup", CliStackFixture.BackupName,
            "--namespace-mappings", "shop:shop-copy", "--wait");

        Assert.True(code == 0, $"exit {code}\n{output}\n{error}\n{stack.Server.Output}");
        Assert.StartsWith("Restore request \"shop-copy\" submitted successfully.\n", output, StringComparison.Ordinal);
        Assert.EndsWith("Restore completed with status: Completed. You may check for more information using the commands "
            + "`velero restore describe shop-copy` and `velero restore logs shop-copy`.\n", output, StringComparison.Ordinal);
        Assert.Equal("EUR", (await stack.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", "shop-copy")).Data["currency"]);
        Assert.Equal("storefront", (await stack.Client.AppsV1.ReadNamespacedDeploymentAsync("storefront", "shop-copy")).Metadata.Name);

        var get = await stack.CliAsync("restore", "get", "shop-copy");
        Assert.Equal(0, get.Code);
        Assert.Matches(@"(?m)^shop-copy\s+shop-e2e\s+Completed\s", get.Out);
    }

    [Fact]
    public async Task Creating_from_a_missing_location_or_backup_fails_with_upstreams_one_line_error_and_creates_nothing()
    {
        var badLocation = await stack.CliAsync("backup", "create", "bad", "--storage-location", "nope");
        Assert.Equal((1, "", "An error occurred: backupstoragelocations.velero.io \"nope\" not found\n"), badLocation);
        Assert.Null(await new CustomResourceClient<Backup>(stack.Client).GetAsync(Velero, "bad"));

        var missingBackup = await stack.CliAsync("restore", "create", "--from-backup", "missing");
        Assert.Equal((1, "", "An error occurred: backups.velero.io \"missing\" not found\n"), missingBackup);
        Assert.DoesNotContain((await new CustomResourceClient<Restore>(stack.Client).ListAsync(Velero)).Items,
            r => r.Spec.BackupName == "missing");
    }

    [Fact]
    public async Task Version_prints_the_client_and_the_server_version_the_scheduler_reports()
    {
        var (code, output, error) = await stack.CliAsync("version");

        var (client, commit) = VersionCommand.ClientVersion();
        Assert.Equal((0, $"Client:\n\tVersion: {client}\n\tGit commit: {commit}\nServer:\n\tVersion: {ServiceIdentity.ProductVersion}\n", ""),
            (code, output, error));
    }

    private async Task<bool> NamespaceExistsAsync(string name)
    {
        try
        {
            await stack.Client.CoreV1.ReadNamespaceAsync(name);
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^NAME +STATUS +ERRORS +WARNINGS +CREATED +EXPIRES +STORAGE LOCATION +QUEUE POSITION +SELECTOR *\n"
        + @"shop-e2e +Completed +0 +0 +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4} \w+ +29d +default +<none> *\n$")]
    private static partial Regex BackupTable();

    [GeneratedRegex(@"(?m)^\s+- (\S+)$")]
    private static partial Regex ResourceListItem();

    [GeneratedRegex("(?m)^Restore request \"([^\"]+)\" submitted successfully\\.$")]
    private static partial Regex RestoreSubmitted();
}
