using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Velero.Api.V1;
using Velero.ObjectStorage;
using Velero.Scheduler.Downloads;

namespace Velero.Integration.Tests.Downloads;

/// <summary>
/// The scheduler's answer to DownloadRequests, run in-process against the emulated cluster and the real Ceph S3 server,
/// whose checks of the pre-signed URLs are the proof that they are right; time is the test's.
/// </summary>
public sealed class DownloadRequestProcessorTests(DownloadFixture fixture) : IClassFixture<DownloadFixture>, IDisposable
{
    private static readonly Uri SchedulerBase = new("http://127.0.0.1:9/");
    private readonly ManualClock _clock = new();
    private readonly RecordingLogger<DownloadRequestProcessor> _logger = new();
    private readonly DownloadTokens _tokens = new(RandomNumberGenerator.GetBytes(32));
    private readonly HttpClient _http = new();

    public static TheoryData<string, string> KindsAndKeys => new()
    {
        { DownloadTargetKind.BackupContents, "backups/{0}/{0}.tar.gz" },
        { DownloadTargetKind.BackupLog, "backups/{0}/{0}-logs.gz" },
        { DownloadTargetKind.BackupVolumeSnapshots, "backups/{0}/{0}-volumesnapshots.json.gz" },
        { DownloadTargetKind.BackupItemOperations, "backups/{0}/{0}-itemoperations.json.gz" },
        { DownloadTargetKind.BackupResourceList, "backups/{0}/{0}-resource-list.json.gz" },
        { DownloadTargetKind.BackupResults, "backups/{0}/{0}-results.gz" },
        { DownloadTargetKind.CSIBackupVolumeSnapshots, "backups/{0}/{0}-csi-volumesnapshots.json.gz" },
        { DownloadTargetKind.CSIBackupVolumeSnapshotContents, "backups/{0}/{0}-csi-volumesnapshotcontents.json.gz" },
        { DownloadTargetKind.BackupVolumeInfos, "backups/{0}/{0}-volumeinfo.json.gz" },
        { DownloadTargetKind.RestoreLog, "restores/{0}/restore-{0}-logs.gz" },
        { DownloadTargetKind.RestoreResults, "restores/{0}/restore-{0}-results.gz" },
        { DownloadTargetKind.RestoreResourceList, "restores/{0}/restore-{0}-resource-list.json.gz" },
        { DownloadTargetKind.RestoreItemOperations, "restores/{0}/restore-{0}-itemoperations.json.gz" },
        { DownloadTargetKind.RestoreVolumeInfo, "restores/{0}/{0}-volumeinfo.json.gz" },
    };

    [Theory]
    [MemberData(nameof(KindsAndKeys))]
    public async Task Each_target_kind_is_answered_with_a_presigned_url_of_its_own_key(string kind, string keyFormat)
    {
        var backup = DownloadFixture.Unique("b");
        await fixture.CreateBackupAsync(backup, "default");
        var target = backup;
        if (kind.StartsWith("Restore", StringComparison.Ordinal))
        {
            target = DownloadFixture.Unique("r");
            await fixture.CreateRestoreAsync(target, backup);
        }

        var content = DownloadFixture.Text($"{kind} of {target}");
        await fixture.PutS3Async(string.Format(keyFormat, target), content);
        var request = await fixture.CreateRequestAsync(kind, target);

        Assert.Equal(DownloadRequestOutcome.Processed, await Processor().ProcessAsync(fixture.Cluster, request, false, default));

        var answered = await fixture.Requests.GetAsync(DownloadFixture.Namespace, request.Metadata.Name);
        Assert.Equal(DownloadRequestPhase.Processed, answered!.Status!.Phase);
        Assert.Equal(Seconds(_clock.GetUtcNow() + TimeSpan.FromMinutes(10)), new DateTimeOffset(answered.Status.Expiration!.Value, TimeSpan.Zero));
        var url = new Uri(answered.Status.DownloadURL!);
        Assert.Contains("X-Amz-Signature=", url.Query, StringComparison.Ordinal);
        Assert.Equal(content, await _http.GetByteArrayAsync(url));
    }

    [Fact]
    public async Task A_presigned_url_downloads_the_exact_object_and_an_altered_one_is_refused_by_ceph()
    {
        var backup = DownloadFixture.Unique("exact");
        await fixture.CreateBackupAsync(backup, "default");
        var tarball = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        await fixture.PutS3Async($"backups/{backup}/{backup}.tar.gz", tarball);
        var request = await fixture.CreateRequestAsync(DownloadTargetKind.BackupContents, backup);

        await Processor().ProcessAsync(fixture.Cluster, request, false, default);

        var url = (await fixture.Requests.GetAsync(DownloadFixture.Namespace, request.Metadata.Name))!.Status!.DownloadURL!;
        Assert.Equal(SHA256.HashData(tarball), SHA256.HashData(await _http.GetByteArrayAsync(url)));
        var other = await fixture.CreateRequestAsync(DownloadTargetKind.BackupLog, backup);
        await Processor().ProcessAsync(fixture.Cluster, other, false, default);
        var logUrl = (await fixture.Requests.GetAsync(DownloadFixture.Namespace, other.Metadata.Name))!.Status!.DownloadURL!;
        // The tarball's key with the log URL's signature: Ceph recomputes it and refuses.
        var forged = logUrl.Replace($"{backup}-logs.gz", $"{backup}.tar.gz", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.GetAsync(forged)).StatusCode);
        Assert.DoesNotContain(_logger.Lines, l => l.Message.Contains("X-Amz-Signature", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_filesystem_location_is_answered_with_a_scheduler_url_whose_token_grants_its_key_until_expiry()
    {
        var backup = DownloadFixture.Unique("fs");
        await fixture.CreateBackupAsync(backup, "local");
        var request = await fixture.CreateRequestAsync(DownloadTargetKind.BackupLog, backup);

        Assert.Equal(DownloadRequestOutcome.Processed, await Processor().ProcessAsync(fixture.Cluster, request, false, default));

        var status = (await fixture.Requests.GetAsync(DownloadFixture.Namespace, request.Metadata.Name))!.Status!;
        var url = new Uri(status.DownloadURL!);
        Assert.StartsWith("http://127.0.0.1:9/downloads/", url.AbsoluteUri, StringComparison.Ordinal);
        var (grant, refusal) = _tokens.Read(url.Segments[^1], _clock.GetUtcNow());
        Assert.Null(refusal);
        Assert.Equal(new DownloadGrant(fixture.Cluster.Identity!.Id, DownloadFixture.Namespace, "local", $"backups/{backup}/{backup}-logs.gz",
            new DateTimeOffset(status.Expiration!.Value, TimeSpan.Zero)), grant);
        Assert.Equal((null, "download URL expired"), _tokens.Read(url.Segments[^1], _clock.GetUtcNow() + TimeSpan.FromMinutes(10)));
    }

    public static TheoryData<string, string> Unresolvable => new()
    {
        { "backup", "fail to get backup for DownloadRequest: backups.velero.io \"{0}\" not found" },
        { "restore", "fail to get restore for DownloadRequest: restores.velero.io \"{0}\" not found" },
        { "location", "error getting backup storage location: backupstoragelocations.velero.io \"nowhere\" not found" },
    };

    [Theory]
    [MemberData(nameof(Unresolvable))]
    public async Task A_request_whose_target_is_missing_stays_unanswered_with_the_reason_logged_and_is_deleted_once_expired(
        string missing, string reasonFormat)
    {
        var target = DownloadFixture.Unique("missing");
        if (missing == "location")
        {
            await fixture.CreateBackupAsync(target, "nowhere");
        }

        var kind = missing == "restore" ? DownloadTargetKind.RestoreLog : DownloadTargetKind.BackupLog;
        var request = await fixture.CreateRequestAsync(kind, target);

        Assert.Equal(DownloadRequestOutcome.Unresolved, await Processor().ProcessAsync(fixture.Cluster, request, false, default));

        // As upstream: the expiration is set, the phase stays New, no URL; the reason is in the scheduler's log.
        var waiting = (await fixture.Requests.GetAsync(DownloadFixture.Namespace, request.Metadata.Name))!;
        Assert.Null(waiting.Status!.DownloadURL);
        Assert.Null(waiting.Status.Phase);
        Assert.Equal(Seconds(_clock.GetUtcNow() + TimeSpan.FromMinutes(10)), new DateTimeOffset(waiting.Status.Expiration!.Value, TimeSpan.Zero));
        Assert.Contains(_logger.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains(string.Format(reasonFormat, target), StringComparison.Ordinal));

        // The watch sees the status just written and leaves it; the resync tries again, quietly, until it expires.
        Assert.Equal(DownloadRequestOutcome.Unchanged, await Processor().ProcessAsync(fixture.Cluster, waiting, false, default));
        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(DownloadRequestOutcome.Unresolved, await Processor().ProcessAsync(fixture.Cluster, waiting, true, default));
        Assert.Single(_logger.Lines, l => l.Level == LogLevel.Warning);
        var retried = (await fixture.Requests.GetAsync(DownloadFixture.Namespace, request.Metadata.Name))!;
        _clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        Assert.Equal(DownloadRequestOutcome.Deleted, await Processor().ProcessAsync(fixture.Cluster, retried, true, default));
        Assert.Null(await fixture.Requests.GetAsync(DownloadFixture.Namespace, request.Metadata.Name));
    }

    [Fact]
    public async Task A_processed_request_is_kept_until_it_expires_then_deleted()
    {
        var backup = DownloadFixture.Unique("kept");
        await fixture.CreateBackupAsync(backup, "default");
        var request = await fixture.CreateRequestAsync(DownloadTargetKind.BackupResults, backup);
        await Processor().ProcessAsync(fixture.Cluster, request, false, default);
        var processed = (await fixture.Requests.GetAsync(DownloadFixture.Namespace, request.Metadata.Name))!;

        _clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.Equal(DownloadRequestOutcome.Unchanged, await Processor().ProcessAsync(fixture.Cluster, processed, true, default));
        Assert.NotNull(await fixture.Requests.GetAsync(DownloadFixture.Namespace, request.Metadata.Name));

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(DownloadRequestOutcome.Deleted, await Processor().ProcessAsync(fixture.Cluster, processed, true, default));
        Assert.Null(await fixture.Requests.GetAsync(DownloadFixture.Namespace, request.Metadata.Name));
    }

    public void Dispose() => _http.Dispose();

    private DownloadRequestProcessor Processor() =>
        new(new ObjectStoreFactory(TimeProvider.System), new DownloadUrls(_tokens, () => SchedulerBase), _clock, _logger);

    private static DateTimeOffset Seconds(DateTimeOffset at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));
}
