using System.Text.Json.Nodes;
using Velero.Api.V1;
using Velero.Contracts.Clusters;
using Velero.Scheduler.Backups;

namespace Velero.Services.Tests.Scheduler;

public sealed class BackupResourceWriterTests
{
    private static readonly BackupRow Row = new()
    {
        Uid = "uid-1",
        Cluster = new ClusterRef { Id = "cluster-1", Name = "dev-a" },
        Namespace = "velero",
        Name = "nightly",
        Phase = BackupPhase.Completed,
        Attempt = 1,
        StartedAt = new DateTimeOffset(2026, 11, 27, 10, 0, 0, 500, TimeSpan.Zero),
        CompletedAt = new DateTimeOffset(2026, 11, 27, 10, 5, 7, 900, TimeSpan.Zero),
        ProgressTotal = 40,
        ProgressBackedUp = 40,
        Warnings = 2,
        Errors = 0,
        HooksAttempted = 3,
        HooksFailed = 1,
        Defaults = """{"metadata":{"labels":{"velero.io/storage-location":"default"}},"spec":{"ttl":"720h0m0s"},"status":{"version":1,"formatVersion":"1.1.0"}}""",
    };

    [Fact]
    public void A_completed_backup_shows_its_times_counts_and_hooks_as_upstream_names_them()
    {
        var status = BackupResourceWriter.Patch(Row, withDefaults: false)["status"]!.AsObject();

        Assert.Equal("Completed", (string?)status["phase"]);
        Assert.StartsWith("2026-11-27T10:00:00", (string?)status["startTimestamp"], StringComparison.Ordinal);
        Assert.StartsWith("2026-11-27T10:05:07", (string?)status["completionTimestamp"], StringComparison.Ordinal);
        Assert.Equal(40, (int?)status["progress"]!["itemsBackedUp"]);
        Assert.Equal(2, (int?)status["warnings"]);
        Assert.Equal(0, (int?)status["errors"]);
        Assert.Equal(3, (int?)status["hookStatus"]!["hooksAttempted"]);
        Assert.Equal(1, (int?)status["hookStatus"]!["hooksFailed"]);
        Assert.Null(status["failureReason"]);
    }

    [Fact]
    public void Defaults_are_written_beside_the_status_only_when_asked()
    {
        var without = BackupResourceWriter.Patch(Row, withDefaults: false);
        var with = BackupResourceWriter.Patch(Row with { Phase = BackupPhase.Queued, QueuePosition = 2 }, withDefaults: true);

        Assert.Equal(["status"], without.Select(p => p.Key));
        Assert.Equal("default", (string?)with["metadata"]!["labels"]!["velero.io/storage-location"]);
        Assert.Equal("720h0m0s", (string?)with["spec"]!["ttl"]);
        Assert.Equal(JsonNode.Parse("""{"version":1,"formatVersion":"1.1.0","phase":"Queued","queuePosition":2}""")!.ToJsonString(),
            with["status"]!.ToJsonString());
    }

    [Fact]
    public void A_failed_backup_shows_its_reason()
    {
        var status = BackupResourceWriter.Status(Row with { Phase = BackupPhase.Failed, FailureReason = "backup stalled" });

        Assert.Equal("backup stalled", status.FailureReason);
        Assert.NotNull(status.CompletionTimestamp);
        Assert.Null(status.HookStatus);
    }
}
