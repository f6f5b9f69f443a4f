using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using k8s;
using k8s.Models;
using Velero.Api.V1;
using Velero.Cli;
using Velero.Cli.CommandLine;
using Velero.Cli.Downloads;
using Velero.Integration.Tests.Support;
using Velero.Kubernetes.Resources;
using Velero.Scheduler.Downloads;
using Velero.Testing;

namespace Velero.Integration.Tests.Downloads;

/// <summary>
/// <c>velero server --roles scheduler,snapshotter</c> against the emulated cluster, a real backup to a filesystem and to
/// a Ceph location, then <c>velero backup logs</c>, <c>backup download</c> and <c>restore logs</c> run in-process as a
/// user types them: what they print and write is what the location holds.
/// </summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed class DownloadEndToEndTests(DownloadFixture fixture) : IClassFixture<DownloadFixture>, IAsyncLifetime
{
    private static readonly TimeSpan BackupTimeout = TimeSpan.FromSeconds(120);
    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("velero-download-e2e-").FullName;
    private TestDatabase _database = null!;
    private ServiceProcess _server = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _server = ServiceProcess.Start("velero.dll", Services.Environment(_database, new Dictionary<string, string?>
        {
            ["Clusters__Kubeconfig"] = fixture.Kubeconfig,
            ["Clusters__Contexts__0"] = DownloadFixture.Context,
            ["Scheduler__Downloads__SigningKey"] = Convert.ToBase64String(_signingKey),
        }), "server", "--roles", "scheduler,snapshotter");
        await _server.WaitReadyAsync(Services.ReadyTimeout);
    }

    [Theory]
    [InlineData("local")]
    [InlineData("default")]
    public async Task Backup_logs_and_download_give_what_the_location_holds(string location)
    {
        var name = await BackUpAsync(location);

        var logs = await CliAsync("backup", "logs", name);
        Assert.Equal(0, logs.Code);
        var storedLog = await GunzipAsync(await ReadStoredAsync(location, $"backups/{name}/{name}-logs.gz"));
        Assert.Equal(storedLog, logs.Out);
        Assert.Contains("level=info", logs.Out, StringComparison.Ordinal);

        var download = await CliAsync("backup", "download", name);
        var file = Path.Combine(_workDirectory, $"{name}-data.tar.gz");
        Assert.Equal($"Backup {name} has been successfully downloaded to {file}\n", download.Out);
        Assert.Equal(await ReadStoredAsync(location, $"backups/{name}/{name}.tar.gz"), await File.ReadAllBytesAsync(file));

        var again = await CliAsync("backup", "download", name);
        Assert.Equal((1, $"An error occurred: open {file}: file exists\n"), (again.Code, again.Err));
        var forced = await CliAsync("backup", "download", name, "--force", "-o", "copy.tgz");
        Assert.Equal((0, $"Backup {name} has been successfully downloaded to copy.tgz\n"), (forced.Code, forced.Out));
        Assert.Equal(await File.ReadAllBytesAsync(file), await File.ReadAllBytesAsync(Path.Combine(_workDirectory, "copy.tgz")));
        Assert.DoesNotContain("X-Amz-Signature", _server.Output, StringComparison.Ordinal);
        // A token is base64url JSON, which starts "WyJ" (["); only the route template may be logged.
        Assert.DoesNotContain("/downloads/WyJ", _server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_logs_read_the_restores_log_through_its_backups_location()
    {
        var backup = await BackUpAsync("local");
        var restore = DownloadFixture.Unique("restore");
        await fixture.CreateRestoreAsync(restore, backup);
        await fixture.PutFileAsync($"restores/{restore}/restore-{restore}-logs.gz", Gzip("time=\"now\" level=info msg=\"restored\"\n"));

        var logs = await CliAsync("restore", "logs", restore);

        Assert.Equal((0, "time=\"now\" level=info msg=\"restored\"\n"), (logs.Code, logs.Out));
    }

    [Fact]
    public async Task Missing_and_unfinished_resources_get_upstreams_errors()
    {
        Assert.Equal((1, "An error occurred: backup \"nope\" does not exist\n"), Result(await CliAsync("backup", "logs", "nope")));
        Assert.Equal((1, "An error occurred: backups.velero.io \"nope\" not found\n"), Result(await CliAsync("backup", "download", "nope")));
        Assert.Equal((1, "Restore \"nope\" does not exist.\n"), Result(await CliAsync("restore", "logs", "nope")));
        Assert.False(File.Exists(Path.Combine(_workDirectory, "nope-data.tar.gz")));

        var running = DownloadFixture.Unique("running");
        await new CustomResourceClient<Backup>(fixture.Client).CreateAsync(new Backup
        {
            Metadata = new V1ObjectMeta { Name = running, NamespaceProperty = DownloadFixture.Namespace },
            Spec = new BackupSpec { StorageLocation = "nowhere" },
            Status = new BackupStatus { Phase = BackupPhase.InProgress },
        });
        Assert.Equal((1, $"An error occurred: logs for backup \"{running}\" are not available until it's finished processing, please wait "
            + "until the backup has a phase of Completed or Failed and try again\n"), Result(await CliAsync("backup", "logs", running)));
    }

    [Fact]
    public async Task A_download_the_server_cannot_answer_times_out_with_upstreams_message_and_a_missing_file_is_not_found()
    {
        var orphan = DownloadFixture.Unique("orphan");
        await fixture.CreateBackupAsync(orphan, "nowhere");
        var timedOut = await CliAsync("backup", "download", orphan, "--timeout", "2s");
        Assert.Equal((1, $"An error occurred: {DownloadFailedException.UrlTimeoutMessage}\n"), Result(timedOut));
        Assert.False(File.Exists(Path.Combine(_workDirectory, $"{orphan}-data.tar.gz")));
        Assert.Contains($"backupstoragelocations.velero.io \"nowhere\" not found", _server.Output, StringComparison.Ordinal);

        var empty = DownloadFixture.Unique("empty");
        await fixture.CreateBackupAsync(empty, "local");
        var streamer = new DownloadRequestStreamer(fixture.Client);
        var missing = await Assert.ThrowsAsync<DownloadFailedException>(() => streamer.StreamAsync(DownloadFixture.Namespace, empty,
            DownloadTargetKind.BackupResourceList, Stream.Null, new DownloadSettings()));
        Assert.Equal((true, "file not found"), (missing.NotFound, missing.Message));
    }

    [Fact]
    public async Task The_download_endpoint_refuses_expired_and_forged_tokens_and_never_logs_them()
    {
        var name = DownloadFixture.Unique("tokens");
        await fixture.PutFileAsync($"backups/{name}/{name}-logs.gz", Gzip("secret-free log\n"));
        var cluster = fixture.Cluster.Identity!.Id;
        var tokens = new DownloadTokens(_signingKey);
        var grant = new DownloadGrant(cluster, DownloadFixture.Namespace, "local", $"backups/{name}/{name}-logs.gz",
            DateTimeOffset.UtcNow.AddMinutes(5));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_server.Port}/") };

        var valid = tokens.Issue(grant);
        Assert.Equal(Gzip("secret-free log\n"), await http.GetByteArrayAsync($"downloads/{valid}"));

        var expired = await http.GetAsync($"downloads/{tokens.Issue(grant with { Expires = DateTimeOffset.UtcNow.AddSeconds(-1) })}");
        Assert.Equal((HttpStatusCode.Forbidden, "download URL expired\n"), (expired.StatusCode, await expired.Content.ReadAsStringAsync()));

        var forged = await http.GetAsync($"downloads/{new DownloadTokens(RandomNumberGenerator.GetBytes(32)).Issue(grant)}");
        Assert.Equal((HttpStatusCode.Forbidden, "invalid download token\n"), (forged.StatusCode, await forged.Content.ReadAsStringAsync()));

        var other = await http.GetAsync($"downloads/{tokens.Issue(grant with { Key = $"backups/{name}/absent.gz" })}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain(valid.Split('.')[1], _server.Output, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_workDirectory, recursive: true);
    }

    private static (int, string) Result((int Code, string Out, string Err) run) => (run.Code, run.Err);

    private async Task<string> BackUpAsync(string location)
    {
        var ns = DownloadFixture.Unique("app");
        await fixture.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        await fixture.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "settings", NamespaceProperty = ns },
            Data = new Dictionary<string, string> { ["color"] = "blue" },
        }, ns);
        var name = DownloadFixture.Unique("bk");
        var backups = new CustomResourceClient<Backup>(fixture.Client);
        await backups.CreateAsync(new Backup
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = DownloadFixture.Namespace },
            Spec = new BackupSpec { IncludedNamespaces = [ns], StorageLocation = location },
        });
        var deadline = DateTime.UtcNow + BackupTimeout;
        while ((await backups.GetAsync(DownloadFixture.Namespace, name))?.Status?.Phase != BackupPhase.Completed)
        {
            Assert.True(DateTime.UtcNow < deadline, $"backup {name} did not complete\n{_server.Output}");
            await Task.Delay(250);
        }

        return name;
    }

    private async Task<byte[]> ReadStoredAsync(string location, string key)
    {
        if (location == "local")
        {
            return await File.ReadAllBytesAsync(Path.Combine(fixture.FileSystemRoot, DownloadFixture.FileSystemBucket, key));
        }

        using var response = await fixture.S3.GetObjectAsync(fixture.Bucket, $"{DownloadFixture.Prefix}/{key}");
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private async Task<(int Code, string Out, string Err)> CliAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var env = new CliEnvironment
        {
            Out = output,
            Err = error,
            Variable = _ => null,
            HomeDirectory = _workDirectory,
            WorkingDirectory = _workDirectory,
        };
        var code = await VeleroCommand.RunAsync([.. args, "--kubeconfig", fixture.Kubeconfig, "--kubecontext", DownloadFixture.Context], env);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<string> GunzipAsync(byte[] gzip)
    {
        using var reader = new StreamReader(new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress));
        return await reader.ReadToEndAsync();
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(DownloadFixture.Text(text));
        }

        return buffer.ToArray();
    }
}
