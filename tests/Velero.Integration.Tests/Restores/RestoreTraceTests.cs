using Velero.Api.V1;
using Velero.Contracts.Restores;
using Velero.Integration.Tests.Backups;
using Velero.Integration.Tests.Clusters;
using Velero.Integration.Tests.Support;
using Velero.Testing.Tracing;

namespace Velero.Integration.Tests.Restores;

/// <summary>One trace follows a restore from the scheduler's intake through its outbox to the restorer.</summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed class RestoreTraceTests(ClusterFixture clusters) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Intake_dispatch_and_the_restorers_command_are_one_trace()
    {
        await using var traces = await OtlpTraceReceiver.StartAsync();
        using var capture = new TraceCapture();
        await using var cluster = await BackupCluster.StartAsync(clusters, traces.ExporterEnvironment);
        await using var restorer = await RestorerStandIn.StartAsync();
        var scenario = new RestoreScenario(cluster);
        await scenario.CreateBackupAsync("traced-source", BackupPhase.Completed);

        var created = await scenario.CreateRestoreAsync("traced", spec => spec.BackupName = "traced-source");
        await restorer.WaitForAsync<RunRestore>(m => m.Restore.Uid == created.Metadata.Uid, TimeSpan.FromSeconds(30));

        var uid = created.Metadata.Uid;
        var spans = await traces.WaitForAsync(received =>
            received.Any(s => s.Name == "restore intake" && s.Attributes.GetValueOrDefault("velero.restore.uid") == uid)
            && received.Any(s => s.Name == "restore dispatch" && s.Attributes.GetValueOrDefault("velero.restore.uid") == uid),
            TimeSpan.FromSeconds(20));
        // Intake runs again when the restore's own defaults come back through the watch: the dispatch continues the first.
        var dispatch = spans.First(s => s.Name == "restore dispatch" && s.Attributes.GetValueOrDefault("velero.restore.uid") == uid);
        var intake = Assert.Single(spans, s => s.Name == "restore intake" && s.SpanId == dispatch.ParentSpanId);
        Assert.Equal(intake.TraceId, dispatch.TraceId);
        Assert.Contains(intake.TraceId, await scenario.ColumnAsync<string>(uid, "trace_parent"), StringComparison.Ordinal);
        // The command reached the stand-in in the same trace, carried by the outbox.
        Assert.Contains(capture.Stopped, a => a.Source.Name == "MassTransit" && a.TraceId.ToHexString() == intake.TraceId);
    }
}
