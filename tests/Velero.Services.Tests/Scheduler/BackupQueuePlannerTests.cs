using Velero.Api.V1;
using Velero.Scheduler.Backups;

namespace Velero.Services.Tests.Scheduler;

public sealed class BackupQueuePlannerTests
{
    private static readonly string[] ClusterNamespaces = ["default", "shop", "blog", "wiki", "kube-system"];

    [Fact]
    public void Queued_backups_on_separate_namespaces_start_together_up_to_the_concurrency_limit()
    {
        var backups = new[] { Queued("a", 1, "shop"), Queued("b", 2, "blog"), Queued("c", 3, "wiki") };

        var start = BackupQueuePlanner.Plan(backups, concurrency: 2, ClusterNamespaces);

        Assert.Equal(["a", "b"], start.Select(b => b.Name));
    }

    [Fact]
    public void Running_backups_take_their_slots()
    {
        var backups = new[] { Running("r1", "shop"), Running("r2", "blog"), Queued("a", 1, "wiki") };

        Assert.Empty(BackupQueuePlanner.Plan(backups, concurrency: 2, ClusterNamespaces));
        Assert.Equal(["a"], BackupQueuePlanner.Plan(backups, concurrency: 3, ClusterNamespaces).Select(b => b.Name));
    }

    [Fact]
    public void A_backup_overlapping_a_running_one_waits_while_a_later_one_on_other_namespaces_starts()
    {
        var backups = new[] { Running("r", "shop"), Queued("a", 1, "shop", "blog"), Queued("b", 2, "wiki") };

        var start = BackupQueuePlanner.Plan(backups, concurrency: 4, ClusterNamespaces);

        Assert.Equal(["b"], start.Select(b => b.Name));
    }

    [Fact]
    public void A_later_backup_never_overtakes_an_earlier_queued_one_on_the_same_namespaces()
    {
        // a waits for r (shop); b shares blog with a only, so it waits for a even though blog is free.
        var backups = new[] { Running("r", "shop"), Queued("a", 1, "shop", "blog"), Queued("b", 2, "blog") };

        Assert.Empty(BackupQueuePlanner.Plan(backups, concurrency: 4, ClusterNamespaces));
    }

    [Fact]
    public void Two_overlapping_queued_backups_start_one_at_a_time_in_queue_order()
    {
        var backups = new[] { Queued("second", 2, "shop"), Queued("first", 1, "shop") };

        var start = BackupQueuePlanner.Plan(backups, concurrency: 4, ClusterNamespaces);

        Assert.Equal(["first"], start.Select(b => b.Name));
    }

    [Fact]
    public void A_whole_cluster_backup_overlaps_every_other_backup()
    {
        var backups = new[] { Running("r", "shop"), Queued("all", 1), Queued("b", 2, "blog") };

        Assert.Empty(BackupQueuePlanner.Plan(backups, concurrency: 4, ClusterNamespaces));
    }

    [Fact]
    public void Excluded_namespaces_count_when_resolving_overlaps()
    {
        var everythingButShop = new BackupSpec { IncludedNamespaces = ["*"], ExcludedNamespaces = ["shop"] };
        var backups = new[] { Running("r", "shop"), new QueuedBackup("a", "a", BackupPhase.Queued, 1, everythingButShop) };

        Assert.Equal(["a"], BackupQueuePlanner.Plan(backups, concurrency: 4, ClusterNamespaces).Select(b => b.Name));
    }

    [Fact]
    public void Glob_patterns_resolve_against_the_cluster_namespaces()
    {
        var backups = new[] { Running("r", "wiki"), Queued("a", 1, "b*"), Queued("w", 2, "w?ki") };

        Assert.Equal(["a"], BackupQueuePlanner.Plan(backups, concurrency: 4, ClusterNamespaces).Select(b => b.Name));
    }

    private static QueuedBackup Running(string name, params string[] namespaces) =>
        new(name, name, BackupPhase.InProgress, null, Spec(namespaces));

    private static QueuedBackup Queued(string name, int position, params string[] namespaces) =>
        new(name, name, BackupPhase.Queued, position, Spec(namespaces));

    private static BackupSpec Spec(string[] namespaces) =>
        new() { IncludedNamespaces = namespaces.Length == 0 ? ["*"] : namespaces };
}
