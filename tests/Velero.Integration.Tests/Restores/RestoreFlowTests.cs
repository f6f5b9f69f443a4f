using k8s;
using k8s.Models;
using Velero.Api.V1;
using Velero.Contracts.Restores;
using Velero.Integration.Tests.Backups;
using Velero.Integration.Tests.Clusters;
using Velero.Integration.Tests.Support;
using Velero.Selection.Validation;

namespace Velero.Integration.Tests.Restores;

/// <summary>
/// The scheduler's side of a restore on the real broker and database and an emulated cluster: intake and validation,
/// dispatch to a restorer (a stand-in here), the restorer's reports, and the stall watchdog.
/// </summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed class RestoreFlowTests(ClusterFixture clusters) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan MessageTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_valid_restore_gets_its_defaults_runs_and_completes_once()
    {
        await using var cluster = await BackupCluster.StartAsync(clusters);
        await using var restorer = await RestorerStandIn.StartAsync();
        var scenario = new RestoreScenario(cluster);
        await scenario.CreateBackupAsync("nightly-1", BackupPhase.Completed, schedule: "nightly");

        var created = await scenario.CreateRestoreAsync("valid", spec => spec.BackupName = "nightly-1");
        var uid = created.Metadata.Uid;

        var run = await restorer.WaitForAsync<RunRestore>(m => m.Restore.Uid == uid, MessageTimeout);
        Assert.Equal(new RestoreRef
        {
            Cluster = new() { Id = clusters.DevA.KubeSystemUid, Name = "dev-a" },
            Namespace = "velero",
            Name = "valid",
            Uid = uid,
        }, run.Restore);
        Assert.Equal(1, run.Attempt);
        Assert.Equal("nightly-1", run.BackupName);
        Assert.Equal("default", run.StorageLocation);
        var started = await restorer.WaitForAsync<RestoreStarted>(m => m.Restore.Uid == uid, MessageTimeout);
        Assert.Equal("nightly-1", started.BackupName);

        var running = await scenario.WaitForPhaseAsync("valid", RestorePhase.InProgress);
        Assert.Equal(RestoreValidator.NonRestorableResources, running.Spec.ExcludedResources);
        Assert.Equal("nightly", running.Spec.ScheduleName);
        Assert.Equal("4h0m0s", running.Spec.ItemOperationTimeout);
        Assert.NotNull(running.Status!.StartTimestamp);
        Assert.Equal("New,InProgress", await scenario.HistoryAsync(uid));

        await restorer.PublishAsync(new RestoreProgressed
        {
            Restore = run.Restore, Attempt = 1, TotalItems = 20, ItemsRestored = 7, At = DateTimeOffset.UtcNow,
        });
        await BackupCluster.EventuallyAsync(async () =>
            (await scenario.Restores.GetAsync("velero", "valid"))?.Status?.Progress?.ItemsRestored == 7);
        Assert.Equal(20, await scenario.ColumnAsync<int>(uid, "progress_total"));

        var messageId = Guid.NewGuid();
        var completed = RestorerStandIn.Completed(run.Restore, RestorePhase.PartiallyFailed);
        await restorer.PublishAsync(completed, messageId);
        await restorer.PublishAsync(completed, messageId);

        var done = await scenario.WaitForPhaseAsync("valid", RestorePhase.PartiallyFailed);
        Assert.Equal(20, done.Status!.Progress!.TotalItems);
        Assert.Equal(18, done.Status.Progress.ItemsRestored);
        Assert.Equal(3, done.Status.Warnings);
        Assert.Equal(2, done.Status.Errors);
        Assert.Equal(4, done.Status.HookStatus!.HooksAttempted);
        Assert.Equal(1, done.Status.HookStatus.HooksFailed);
        Assert.NotNull(done.Status.CompletionTimestamp);
        Assert.Equal(running.Status.StartTimestamp, done.Status.StartTimestamp);
        // The redelivery (same message id) and a late duplicate (another id, other counts) change nothing.
        await restorer.PublishAsync(completed with { Errors = 99 });
        await restorer.PublishAsync(new RestoreFailed
        {
            Restore = run.Restore, Phase = RestorePhase.Failed, Attempt = 1, FailureReason = "late", FailedAt = DateTimeOffset.UtcNow,
        });
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal("New,InProgress,PartiallyFailed", await scenario.HistoryAsync(uid));
        Assert.Equal(2, await scenario.ColumnAsync<int>(uid, "errors"));
        Assert.Equal("nightly-1", await scenario.ColumnAsync<string>(uid, "backup_name"));
        Assert.Equal("nightly", await scenario.ColumnAsync<string>(uid, "schedule_name"));
        Assert.Equal(2, (await scenario.Restores.GetAsync("velero", "valid"))!.Status!.Errors);
        Assert.Single(restorer.All<RunRestore>(m => m.Restore.Uid == uid));
    }

    [Fact]
    public async Task A_schedule_restore_takes_the_newest_completed_backup_and_a_restorer_failure_fails_it()
    {
        await using var cluster = await BackupCluster.StartAsync(clusters);
        await using var restorer = await RestorerStandIn.StartAsync();
        var scenario = new RestoreScenario(cluster);
        await scenario.CreateBackupAsync("hourly-old", BackupPhase.Completed, "hourly", DateTime.UtcNow.AddHours(-2));
        await scenario.CreateBackupAsync("hourly-new", BackupPhase.Completed, "hourly", DateTime.UtcNow.AddHours(-1));
        await scenario.CreateBackupAsync("hourly-failed", BackupPhase.Failed, "hourly", DateTime.UtcNow.AddMinutes(-5));

        var created = await scenario.CreateRestoreAsync("from-schedule", spec => spec.ScheduleName = "hourly");
        var uid = created.Metadata.Uid;
        var run = await restorer.WaitForAsync<RunRestore>(m => m.Restore.Uid == uid, MessageTimeout);
        Assert.Equal("hourly-new", run.BackupName);
        var running = await scenario.WaitForPhaseAsync("from-schedule", RestorePhase.InProgress);
        Assert.Equal("hourly-new", running.Spec.BackupName);

        // A report for another attempt is not about the running one.
        await restorer.PublishAsync(new RestoreFailed
        {
            Restore = run.Restore, Phase = RestorePhase.Failed, Attempt = 2, FailureReason = "stale", FailedAt = DateTimeOffset.UtcNow,
        });
        await restorer.PublishAsync(new RestoreFailed
        {
            Restore = run.Restore, Phase = RestorePhase.Failed, Attempt = 1, FailedAt = DateTimeOffset.UtcNow,
            FailureReason = "error reading backup tarball: unexpected EOF", ItemsRestored = 5, Errors = 1,
        });

        var failed = await scenario.WaitForPhaseAsync("from-schedule", RestorePhase.Failed);
        Assert.Equal("error reading backup tarball: unexpected EOF", failed.Status!.FailureReason);
        Assert.Equal(1, failed.Status.Errors);
        Assert.NotNull(failed.Status.CompletionTimestamp);
        Assert.Equal("New,InProgress,Failed", await scenario.HistoryAsync(uid));

        await scenario.Restores.DeleteAsync("velero", "from-schedule");
        await BackupCluster.EventuallyAsync(async () => await scenario.ColumnAsync<bool>(uid, "deleted_at is not null"));
        Assert.Equal("New,InProgress,Failed", await scenario.HistoryAsync(uid));
    }

    [Fact]
    public async Task Each_invalid_restore_ends_FailedValidation_with_upstreams_messages()
    {
        await using var cluster = await BackupCluster.StartAsync(clusters);
        await using var restorer = await RestorerStandIn.StartAsync();
        var scenario = new RestoreScenario(cluster);
        await scenario.CreateBackupAsync("source-1", BackupPhase.Completed);
        await scenario.CreateBackupAsync("weekly-1", BackupPhase.Failed, "weekly");

        var cases = new (string Name, Action<RestoreSpec> Spec, string[] Errors)[]
        {
            ("neither", _ => { }, [RestoreValidator.SourceError]),
            ("both", s => { s.BackupName = "source-1"; s.ScheduleName = "weekly"; }, [RestoreValidator.SourceError]),
            ("unknown-backup", s => s.BackupName = "nope",
                ["Error retrieving backup: can't find backup velero/nope: backups.velero.io \"nope\" not found"]),
            ("no-completed", s => s.ScheduleName = "weekly", ["No completed backups found for schedule"]),
            ("no-backups", s => s.ScheduleName = "never", ["No backups found for schedule", "No completed backups found for schedule"]),
            ("bad-policy", s => { s.BackupName = "source-1"; s.ExistingResourcePolicy = "sometimes"; },
                ["Invalid ExistingResourcePolicy: sometimes"]),
            ("two-selectors", s =>
            {
                s.BackupName = "source-1";
                s.LabelSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "shop" } };
                s.OrLabelSelectors = [new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "blog" } }];
            }, [RestoreValidator.BothSelectorsError]),
            ("no-modifiers", s =>
            {
                s.BackupName = "source-1";
                s.ResourceModifier = new V1TypedLocalObjectReference { Kind = "ConfigMap", Name = "absent" };
            }, ["failed to get resource modifiers configmap velero/absent"]),
            ("bad-modifiers", s =>
            {
                s.BackupName = "source-1";
                s.ResourceModifier = new V1TypedLocalObjectReference { Kind = "ConfigMap", Name = "modifiers-v2" };
            }, ["Validation error in resource modifiers provided in configmap velero/modifiers-v2: unsupported resource modifier version v2"]),
            ("bad-init-hook", s =>
            {
                s.BackupName = "source-1";
                s.Hooks = new RestoreHooks
                {
                    Resources =
                    [
                        new RestoreResourceHookSpec
                        {
                            Name = "seed",
                            PostHooks = [new RestoreResourceHook { Init = new InitRestoreHook { InitContainers = [new V1Container { Name = "seed" }] } }],
                        },
                    ],
                };
            }, ["invalid InitContainer in restore hook, it doesn't have Command, Name or Image field"]),
        };
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "modifiers-v2" },
            Data = new Dictionary<string, string> { ["rules.yaml"] = "version: v2\nresourceModifierRules: []\n" },
        }, "velero");
        var uids = new Dictionary<string, string>();
        foreach (var (name, spec, _) in cases)
        {
            uids[name] = (await scenario.CreateRestoreAsync(name, spec)).Metadata.Uid;
        }

        var nonRestorable = await scenario.CreateRestoreAsync("non-restorable", s =>
        {
            s.BackupName = "source-1";
            s.IncludedResources = ["nodes"];
        });

        foreach (var (name, _, errors) in cases)
        {
            var restore = await scenario.WaitForPhaseAsync(name, RestorePhase.FailedValidation);
            Assert.Equal(errors, restore.Status!.ValidationErrors);
            Assert.Null(restore.Status.StartTimestamp);
            Assert.Equal("New,FailedValidation", await scenario.HistoryAsync(uids[name]));
            var failed = await restorer.WaitForAsync<RestoreFailed>(m => m.Restore.Uid == uids[name], MessageTimeout);
            Assert.Equal(RestorePhase.FailedValidation, failed.Phase);
            Assert.Equal(errors, failed.ValidationErrors);
            Assert.Equal(0, failed.Attempt);
        }

        var refused = await scenario.WaitForPhaseAsync("non-restorable", RestorePhase.FailedValidation);
        Assert.Equal("nodes are non-restorable resources", refused.Status!.ValidationErrors![0]);
        // Whatever the outcome, the excludes get the non-restorable resources and the timeout its default, as upstream.
        Assert.Equal(RestoreValidator.NonRestorableResources, refused.Spec.ExcludedResources);
        Assert.Equal("4h0m0s", refused.Spec.ItemOperationTimeout);
        Assert.Empty(restorer.All<RunRestore>(_ => true));
        Assert.Equal(cases.Length + 1, await cluster.Database.ScalarAsync<int>(
            $"select count(*) from restores where phase = 'FailedValidation' and uid in ('{string.Join("','", uids.Values.Append(nonRestorable.Metadata.Uid))}')"));
    }

    [Fact]
    public async Task Restores_beyond_the_concurrency_wait_new_and_start_oldest_first_as_slots_free()
    {
        await using var cluster = await BackupCluster.StartAsync(clusters, new Dictionary<string, string?>
        {
            ["Scheduler__Restores__Concurrency"] = "1",
        });
        await using var restorer = await RestorerStandIn.StartAsync();
        var scenario = new RestoreScenario(cluster);
        await scenario.CreateBackupAsync("queued-source", BackupPhase.Completed);

        var first = await scenario.CreateRestoreAsync("first", spec => spec.BackupName = "queued-source");
        var run = await restorer.WaitForAsync<RunRestore>(m => m.Restore.Uid == first.Metadata.Uid, MessageTimeout);
        var second = await scenario.CreateRestoreAsync("second", spec => spec.BackupName = "queued-source");
        await BackupCluster.EventuallyAsync(async () => await scenario.ColumnAsync<bool>(second.Metadata.Uid, "accepted_at is not null"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(restorer.All<RunRestore>(m => m.Restore.Uid == second.Metadata.Uid));
        var waiting = await scenario.Restores.GetAsync("velero", "second");
        Assert.Null(waiting!.Status?.Phase);
        Assert.Equal(RestoreValidator.NonRestorableResources, waiting.Spec.ExcludedResources);

        await restorer.PublishAsync(RestorerStandIn.Completed(run.Restore, RestorePhase.Completed));
        var next = await restorer.WaitForAsync<RunRestore>(m => m.Restore.Uid == second.Metadata.Uid, MessageTimeout);
        Assert.Equal(1, next.Attempt);
        await scenario.WaitForPhaseAsync("second", RestorePhase.InProgress);
        await restorer.PublishAsync(RestorerStandIn.Completed(next.Restore, RestorePhase.Completed));
        await scenario.WaitForPhaseAsync("second", RestorePhase.Completed);
        Assert.Equal("New,InProgress,Completed", await scenario.HistoryAsync(second.Metadata.Uid));
    }

    [Fact]
    public async Task A_restore_no_restorer_reports_on_fails_as_stalled()
    {
        await using var cluster = await BackupCluster.StartAsync(clusters, new Dictionary<string, string?>
        {
            ["Scheduler__Restores__StallTimeout"] = "00:00:03",
        });
        await using var restorer = await RestorerStandIn.StartAsync();
        var scenario = new RestoreScenario(cluster);
        await scenario.CreateBackupAsync("silent-source", BackupPhase.Completed);
        var created = await scenario.CreateRestoreAsync("silent", spec => spec.BackupName = "silent-source");
        var uid = created.Metadata.Uid;
        await restorer.WaitForAsync<RunRestore>(m => m.Restore.Uid == uid, MessageTimeout);

        var failed = await scenario.WaitForPhaseAsync("silent", RestorePhase.Failed);

        Assert.Equal("restore stalled: no progress reported by a restorer for 3s", failed.Status!.FailureReason);
        Assert.Equal("New,InProgress,Failed", await scenario.HistoryAsync(uid));
        var message = await restorer.WaitForAsync<RestoreFailed>(m => m.Restore.Uid == uid, MessageTimeout);
        Assert.Equal(RestorePhase.Failed, message.Phase);
        Assert.Equal(1, message.Attempt);
        // A restorer that reports after all finds the restore ended.
        await restorer.PublishAsync(RestorerStandIn.Completed(message.Restore, RestorePhase.Completed));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal("New,InProgress,Failed", await scenario.HistoryAsync(uid));
        Assert.Equal(RestorePhase.Failed, (await scenario.Restores.GetAsync("velero", "silent"))!.Status!.Phase);
    }
}
