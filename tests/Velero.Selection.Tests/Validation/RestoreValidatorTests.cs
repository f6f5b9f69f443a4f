using k8s.Models;
using Velero.Api.V1;
using Velero.Selection.Validation;

namespace Velero.Selection.Tests.Validation;

public sealed class RestoreValidatorTests
{
    private static readonly BackupStorageLocation Available = Location("default", BackupStorageLocationPhase.Available);

    [Fact]
    public void A_valid_restore_gets_the_non_restorable_resources_excluded_and_the_schedule_of_its_backup()
    {
        var backup = Backup("nightly-20261127020000", BackupPhase.Completed, new DateTime(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc), "nightly");

        var result = RestoreValidator.Validate(Restore(s =>
        {
            s.BackupName = backup.Metadata.Name;
            s.ExcludedResources = ["secrets", "events"];
        }), [backup], [Available]);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(
            ["secrets", "events", "nodes", "events.events.k8s.io", "backups.velero.io", "restores.velero.io", "resticrepositories.velero.io",
             "csinodes.storage.k8s.io", "volumeattachments.storage.k8s.io", "backuprepositories.velero.io"],
            result.Restore.Spec.ExcludedResources);
        Assert.Equal("nightly", result.Restore.Spec.ScheduleName);
        Assert.Same(backup, result.Backup);
    }

    [Fact]
    public void Including_non_restorable_resources_and_bad_lists_give_upstreams_messages_in_its_order()
    {
        var result = RestoreValidator.Validate(Restore(s =>
        {
            s.BackupName = "b";
            s.IncludedResources = ["nodes", "backups.velero.io"];
            s.IncludedNamespaces = ["app"];
            s.ExcludedNamespaces = ["app"];
            s.LabelSelector = new V1LabelSelector();
            s.OrLabelSelectors = [new V1LabelSelector()];
            s.ExistingResourcePolicy = "overwrite";
        }), [Backup("b", BackupPhase.Completed, DateTime.UtcNow)], [Available]);

        Assert.Equal(
        [
            "nodes are non-restorable resources",
            "backups.velero.io are non-restorable resources",
            // Upstream walks the excludes as a sorted set.
            "Invalid included/excluded resource lists: excludes list cannot contain an item in the includes list: backups.velero.io",
            "Invalid included/excluded resource lists: excludes list cannot contain an item in the includes list: nodes",
            "Invalid included/excluded namespace lists: excludes list cannot contain an item in the includes list: app",
            RestoreValidator.BothSelectorsError,
            "Invalid ExistingResourcePolicy: overwrite",
        ], result.Errors);
    }

    [Theory]
    [InlineData("b", "s")]
    [InlineData(null, null)]
    public void Exactly_one_of_backup_and_schedule_is_required(string? backupName, string? scheduleName)
    {
        var result = RestoreValidator.Validate(Restore(s =>
        {
            s.BackupName = backupName;
            s.ScheduleName = scheduleName;
        }), [], [Available]);

        Assert.Equal([RestoreValidator.SourceError], result.Errors);
    }

    [Fact]
    public void A_schedule_restores_its_newest_completed_backup()
    {
        var at = new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc);
        var backups = new[]
        {
            Backup("nightly-1", BackupPhase.Completed, at.AddDays(-2), "nightly"),
            Backup("nightly-2", BackupPhase.Completed, at.AddDays(-1), "nightly"),
            Backup("nightly-3", BackupPhase.PartiallyFailed, at, "nightly"),
            Backup("other-9", BackupPhase.Completed, at.AddDays(1), "other"),
        };

        var result = RestoreValidator.Validate(Restore(s => s.ScheduleName = "nightly"), backups, [Available]);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal("nightly-2", result.Restore.Spec.BackupName);
    }

    [Fact]
    public void A_schedule_without_completed_backups_is_refused()
    {
        Assert.Equal(["No backups found for schedule", "No completed backups found for schedule"],
            RestoreValidator.Validate(Restore(s => s.ScheduleName = "nightly"), [], [Available]).Errors);
        Assert.Equal(["No completed backups found for schedule"],
            RestoreValidator.Validate(Restore(s => s.ScheduleName = "nightly"),
                [Backup("nightly-1", BackupPhase.Failed, DateTime.UtcNow, "nightly")], [Available]).Errors);
    }

    [Fact]
    public void An_unknown_backup_or_an_unavailable_location_is_refused()
    {
        Assert.Equal(["Error retrieving backup: can't find backup velero/gone: backups.velero.io \"gone\" not found"],
            RestoreValidator.Validate(Restore(s => s.BackupName = "gone"), [], [Available]).Errors);
        Assert.Equal(["The BSL default is unavailable, cannot retrieve the backup"],
            RestoreValidator.Validate(Restore(s => s.BackupName = "b"), [Backup("b", BackupPhase.Completed, DateTime.UtcNow)],
                [Location("default", BackupStorageLocationPhase.Unavailable)]).Errors);
        Assert.Equal(["Error retrieving backup: backupstoragelocations.velero.io \"default\" not found"],
            RestoreValidator.Validate(Restore(s => s.BackupName = "b"), [Backup("b", BackupPhase.Completed, DateTime.UtcNow)], []).Errors);
    }

    private static Restore Restore(Action<RestoreSpec> configure)
    {
        var restore = new Restore { Metadata = new V1ObjectMeta { Name = "r", NamespaceProperty = "velero" }, Spec = new RestoreSpec() };
        configure(restore.Spec);
        return restore;
    }

    private static Backup Backup(string name, string phase, DateTime started, string? schedule = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "velero",
            Labels = schedule is null ? null : new Dictionary<string, string> { ["velero.io/schedule-name"] = schedule },
        },
        Spec = new BackupSpec { StorageLocation = "default" },
        Status = new BackupStatus { Phase = phase, StartTimestamp = started },
    };

    private static BackupStorageLocation Location(string name, string phase) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "velero" },
        Spec = new BackupStorageLocationSpec { Provider = "aws" },
        Status = new BackupStorageLocationStatus { Phase = phase },
    };
}
