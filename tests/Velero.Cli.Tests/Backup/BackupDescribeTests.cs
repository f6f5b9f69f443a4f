using k8s.Models;
using Velero.Api.V1;
using Velero.Cli.Printers;
using Velero.Cli.Tests.Support;

namespace Velero.Cli.Tests.Backup;

public sealed class BackupDescribeTests
{
    private static readonly DateTime Now = Seed.Now;

    private static Api.V1.Backup Completed() => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "shop-1", NamespaceProperty = "velero", Uid = "u1",
            Labels = new Dictionary<string, string> { ["velero.io/storage-location"] = "default", ["team"] = "a" },
            Annotations = new Dictionary<string, string> { ["velero.io/source-cluster-k8s-gitversion"] = "v1.32.0" },
        },
        Spec = new BackupSpec
        {
            IncludedNamespaces = ["shop"], ExcludedResources = ["secrets"], StorageLocation = "default", Ttl = "720h0m0s",
            CsiSnapshotTimeout = "10m0s", ItemOperationTimeout = "4h0m0s",
            LabelSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "shop" } },
            Hooks = new BackupHooks
            {
                Resources =
                [
                    new BackupResourceHookSpec
                    {
                        Name = "freeze", IncludedNamespaces = ["shop"],
                        Pre = [new BackupResourceHook { Exec = new ExecHook { Container = "db", Command = ["/bin/sh", "-c", "fsfreeze"], OnError = "Fail", Timeout = "30s" } }],
                    },
                ],
            },
        },
        Status = new BackupStatus
        {
            Phase = "PartiallyFailed", FormatVersion = "1.1.0", StartTimestamp = Now.AddHours(-1), CompletionTimestamp = Now.AddMinutes(-58),
            Expiration = Now.AddDays(29), Errors = 1, Warnings = 1, Progress = new BackupProgress { TotalItems = 42, ItemsBackedUp = 42 },
            HookStatus = new HookStatus { HooksAttempted = 1, HooksFailed = 0 },
        },
    };

    [Fact]
    public async Task A_partially_failed_backup_with_hooks_results_and_volume_infos()
    {
        var files = new FileSet(new()
        {
            [DownloadTargetKind.BackupResults] = """{"errors":{"namespaces":{"shop":["pod shop/web: hook failed"]}},"warnings":{"velero":["slow API"]}}""",
            [DownloadTargetKind.BackupVolumeInfos] = """[{"pvName":"pv-1","backupMethod":"NativeSnapshot","nativeSnapshotInfo":{"snapshotHandle":"snap-1"}},{"pvcName":"data","pvcNamespace":"shop","backupMethod":"CSISnapshot","preserveLocalSnapshot":true,"csiSnapshotInfo":{"vscName":"vsc-1"}}]""",
        });

        var text = await BackupDescriber.DescribeAsync(Completed(), [], [], details: false, files, TimeZoneInfo.Utc, default);

        Golden.Assert("backup-describe-partially-failed", text);
    }

    [Fact]
    public async Task A_new_backup_without_files_and_a_queued_one_with_deletion_attempts()
    {
        var files = new FileSet([]);
        var queued = new Api.V1.Backup
        {
            Metadata = new V1ObjectMeta { Name = "waiting", NamespaceProperty = "velero" },
            Spec = new BackupSpec { IncludedNamespaceScopedResources = ["deployments.apps"], OrLabelSelectors = [Seed.Selector(("a", "b")), Seed.Selector(("c", "d"))] },
            Status = new BackupStatus { Phase = "Queued", QueuePosition = 3 },
        };
        var attempts = new List<DeleteBackupRequest>
        {
            new() { Metadata = new V1ObjectMeta { CreationTimestamp = Now.AddMinutes(-2) }, Status = new DeleteBackupRequestStatus { Phase = "Processed", Errors = ["location is read-only"] } },
        };

        var fresh = await BackupDescriber.DescribeAsync(new Api.V1.Backup { Metadata = new V1ObjectMeta { Name = "fresh", NamespaceProperty = "velero" } },
            [], [], details: false, files, TimeZoneInfo.Utc, default);
        var waiting = await BackupDescriber.DescribeAsync(queued, attempts, [], details: false, files, TimeZoneInfo.Utc, default);

        Golden.Assert("backup-describe-new", fresh);
        Golden.Assert("backup-describe-queued", waiting);
    }

    [Fact]
    public async Task Details_add_the_resource_list_and_snapshot_details()
    {
        var files = new FileSet(new()
        {
            [DownloadTargetKind.BackupResults] = """{"errors":{},"warnings":{"velero":["slow API"]}}""",
            [DownloadTargetKind.BackupResourceList] = """{"v1/Pod":["shop/web-1","shop/web-2"],"apps/v1/Deployment":["shop/web"]}""",
            [DownloadTargetKind.BackupVolumeInfos] = """[{"pvName":"pv-1","backupMethod":"NativeSnapshot","result":"succeeded","nativeSnapshotInfo":{"snapshotHandle":"snap-1","volumeType":"gp3","volumeAZ":"eu-1a","iops":"3000"}}]""",
        });

        var text = await BackupDescriber.DescribeAsync(Completed(), [], [], details: true, files, TimeZoneInfo.Utc, default);

        Golden.Assert("backup-describe-details", text);
    }

    [Fact]
    public void The_describer_aligns_columns_as_go_tabwriter_does()
    {
        var text = Describer.Describe(TimeZoneInfo.Utc, d =>
        {
            d.Printf("Name:\tx\n");
            d.Printf("Namespace:\tvelero\n");
            d.Println();
            d.Printf("Resources:\n");
            d.Printf("\tIncluded:\t*\n");
            d.Printf("\tCluster-scoped:\tauto\n");
        });

        Assert.Equal("Name:       x\nNamespace:  velero\n\nResources:\n  Included:        *\n  Cluster-scoped:  auto\n", text);
    }
}
