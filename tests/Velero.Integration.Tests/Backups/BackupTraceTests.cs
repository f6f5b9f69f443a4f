using Velero.Contracts.Backups;
using Velero.Integration.Tests.Clusters;
using Velero.Integration.Tests.Support;
using Velero.Testing.Tracing;

namespace Velero.Integration.Tests.Backups;

/// <summary>One trace follows a backup from the scheduler's intake through its outbox to the snapshotter.</summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed class BackupTraceTests(ClusterFixture clusters) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Intake_dispatch_and_the_snapshotters_command_are_one_trace()
    {
        await using var traces = await OtlpTraceReceiver.StartAsync();
        using var capture = new TraceCapture();
        await using var cluster = await BackupCluster.StartAsync(clusters, traces.ExporterEnvironment);
        await using var snapshotter = await SnapshotterStandIn.StartAsync();
        var ns = await cluster.CreateNamespaceAsync();

        var created = await cluster.CreateBackupAsync("traced", spec => spec.IncludedNamespaces = [ns]);
        await snapshotter.WaitForAsync<CollectBackup>(m => m.Backup.Uid == created.Metadata.Uid, TimeSpan.FromSeconds(30));

        var uid = created.Metadata.Uid;
        var spans = await traces.WaitForAsync(received =>
            received.Any(s => s.Name == "backup intake" && s.Attributes.GetValueOrDefault("velero.backup.uid") == uid)
            && received.Any(s => s.Name == "backup dispatch" && s.Attributes.GetValueOrDefault("velero.backup.uid") == uid),
            TimeSpan.FromSeconds(20));
        var intake = spans.First(s => s.Name == "backup intake" && s.Attributes.GetValueOrDefault("velero.backup.uid") == uid);
        var dispatch = spans.First(s => s.Name == "backup dispatch" && s.Attributes.GetValueOrDefault("velero.backup.uid") == uid);
        Assert.Equal(intake.TraceId, dispatch.TraceId);
        Assert.Equal(intake.SpanId, dispatch.ParentSpanId);
        Assert.Contains(intake.TraceId, await cluster.ColumnAsync<string>(uid, "trace_parent"), StringComparison.Ordinal);
        // The command reached the stand-in in the same trace, carried by the outbox.
        Assert.Contains(capture.Stopped, a => a.Source.Name == "MassTransit" && a.TraceId.ToHexString() == intake.TraceId);
    }
}
