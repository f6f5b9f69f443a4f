using Velero.Api.V1;
using Velero.Contracts.Clusters;
using Velero.Scheduler.Restores;

namespace Velero.Services.Tests.Scheduler;

public sealed class RestoreResourceWriterTests
{
    private static readonly RestoreRow Row = new()
    {
        Uid = "uid-1",
        Cluster = new ClusterRef { Id = "c1", Name = "dev-a" },
        Namespace = "velero",
        Name = "r1",
        Phase = RestorePhase.New,
        Defaults = """{"spec":{"backupName":"b1"}}""",
        StartedAt = new DateTimeOffset(2026, 1, 1, 10, 0, 0, 750, TimeSpan.Zero),
        CompletedAt = new DateTimeOffset(2026, 1, 1, 10, 5, 0, TimeSpan.Zero),
        ProgressTotal = 20,
        ProgressRestored = 18,
        Warnings = 3,
        Errors = 2,
        HooksAttempted = 4,
        HooksFailed = 1,
        FailureReason = "broken",
        ValidationErrors = ["bad"],
    };

    [Fact]
    public void A_waiting_restore_gets_its_defaults_and_no_status()
    {
        var patch = RestoreResourceWriter.Patch(Row, withDefaults: true);

        Assert.Equal(["spec"], patch.Select(p => p.Key));
        Assert.Equal("b1", (string?)patch["spec"]!["backupName"]);
    }

    [Theory]
    [InlineData(RestorePhase.FailedValidation, "phase,validationErrors")]
    [InlineData(RestorePhase.InProgress, "phase,startTimestamp,progress")]
    [InlineData(RestorePhase.Completed, "phase,warnings,errors,startTimestamp,completionTimestamp,progress,hookStatus")]
    [InlineData(RestorePhase.PartiallyFailed, "phase,warnings,errors,startTimestamp,completionTimestamp,progress,hookStatus")]
    [InlineData(RestorePhase.Failed, "phase,warnings,errors,failureReason,startTimestamp,completionTimestamp,progress")]
    public void Each_phase_writes_the_status_fields_it_owns(string phase, string fields)
    {
        var patch = RestoreResourceWriter.Patch(Row with { Phase = phase }, withDefaults: false);

        Assert.Equal(["status"], patch.Select(p => p.Key));
        Assert.Equal(fields, string.Join(",", patch["status"]!.AsObject().Select(p => p.Key)));
        Assert.Equal(phase, (string?)patch["status"]!["phase"]);
    }

    [Fact]
    public void Timestamps_have_whole_seconds_and_the_counts_are_mirrored()
    {
        var status = RestoreResourceWriter.Status(Row with { Phase = RestorePhase.PartiallyFailed })!;

        Assert.Equal(new DateTime(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc), status.StartTimestamp);
        Assert.Equal(18, status.Progress!.ItemsRestored);
        Assert.Equal(20, status.Progress.TotalItems);
        Assert.Equal(4, status.HookStatus!.HooksAttempted);
        Assert.Equal(1, status.HookStatus.HooksFailed);
    }
}
