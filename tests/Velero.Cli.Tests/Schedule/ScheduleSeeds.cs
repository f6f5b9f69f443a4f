using k8s.Models;
using Velero.Api.V1;
using Velero.Cli.Tests.Support;

namespace Velero.Cli.Tests.Schedule;

/// <summary>Realistic schedules: a nightly one that ran, a paused weekly one never run, one that failed validation.</summary>
internal static class ScheduleSeeds
{
    public static async Task SeedAsync(CliCluster cluster, string ns)
    {
        await cluster.SeedAsync(new Api.V1.Schedule
        {
            Metadata = new V1ObjectMeta { Name = "nightly", NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["team"] = "web" } },
            Spec = new ScheduleSpec
            {
                Schedule = "0 1 * * *",
                UseOwnerReferencesInBackup = false,
                Template = new BackupSpec
                {
                    IncludedNamespaces = ["web", "shop"],
                    ExcludedResources = ["events"],
                    IncludeClusterResources = true,
                    LabelSelector = new V1LabelSelector
                    {
                        MatchLabels = new Dictionary<string, string> { ["app"] = "web" },
                        MatchExpressions = [new V1LabelSelectorRequirement { Key = "tier", OperatorProperty = "In", Values = ["front", "api"] }],
                    },
                    StorageLocation = "default",
                    Ttl = "720h0m0s",
                    CsiSnapshotTimeout = "10m0s",
                    ItemOperationTimeout = "4h0m0s",
                    SnapshotMoveData = true,
                    DefaultVolumesToFsBackup = false,
                    ResourcePolicy = new V1TypedLocalObjectReference { Kind = "configmap", Name = "skip-tmp" },
                    UploaderConfig = new UploaderConfigForBackup { ParallelFilesUpload = 4 },
                    OrderedResources = new Dictionary<string, string> { ["pods"] = "web/a,web/b", ["persistentvolumes"] = "pv1" },
                    Hooks = new BackupHooks
                    {
                        Resources =
                        [
                            new BackupResourceHookSpec
                            {
                                Name = "freeze",
                                IncludedNamespaces = ["web"],
                                LabelSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "db" } },
                                Pre = [new BackupResourceHook { Exec = new ExecHook { Container = "db", Command = ["/bin/fsfreeze", "--freeze", "/data"], OnError = "Fail", Timeout = "30s" } }],
                                Post = [new BackupResourceHook { Exec = new ExecHook { Container = "db", Command = ["/bin/fsfreeze", "--unfreeze", "/data"] } }],
                            },
                        ],
                    },
                },
            },
        }, new { phase = "Enabled", lastBackup = "2026-11-27T01:00:04Z" });
        await cluster.SeedAsync(new Api.V1.Schedule
        {
            Metadata = new V1ObjectMeta { Name = "weekly-full", NamespaceProperty = ns },
            Spec = new ScheduleSpec
            {
                Schedule = "@every 168h",
                Paused = true,
                Template = new BackupSpec { Ttl = "2160h0m0s", IncludedClusterScopedResources = ["storageclasses"], SnapshotVolumes = false },
            },
        });
        await cluster.SeedAsync(new Api.V1.Schedule
        {
            Metadata = new V1ObjectMeta { Name = "broken", NamespaceProperty = ns },
            Spec = new ScheduleSpec { Schedule = "0 0 31 2 *", Template = new BackupSpec() },
        }, new { phase = "FailedValidation", validationErrors = new[] { "invalid schedule: never fires", "storage location \"gone\" not found" } });
    }
}
