using k8s.Models;
using Velero.Api.V1;
using Velero.Scheduler.Restores;
using Velero.Selection.Validation;

namespace Velero.Services.Tests.Scheduler;

public sealed class RestoreIntakeTests
{
    [Fact]
    public void The_defaults_written_to_a_restore_are_the_spec_fields_validation_filled_only()
    {
        var restore = new Restore
        {
            Metadata = new V1ObjectMeta { Name = "r1", NamespaceProperty = "velero", Uid = "uid-1" },
            Spec = new RestoreSpec
            {
                ScheduleName = "nightly",
                ExcludedResources = ["secrets"],
                IncludedNamespaces = ["shop"],
                ItemOperationTimeout = "4h0m0s",
            },
        };
        var backup = new Backup
        {
            Metadata = new V1ObjectMeta { Name = "nightly-2", NamespaceProperty = "velero", Labels = new Dictionary<string, string> { ["velero.io/schedule-name"] = "nightly" } },
            Spec = new BackupSpec { StorageLocation = "default" },
            Status = new BackupStatus { Phase = BackupPhase.Completed, StartTimestamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
        };
        var location = new BackupStorageLocation
        {
            Metadata = new V1ObjectMeta { Name = "default", NamespaceProperty = "velero" },
            Status = new BackupStorageLocationStatus { Phase = BackupStorageLocationPhase.Available },
        };
        var result = RestoreValidator.Validate(restore, [backup], [location]);

        var defaults = RestoreIntake.Defaults(result.Restore);

        Assert.Equal(["spec"], defaults.Select(p => p.Key));
        var spec = defaults["spec"]!.AsObject();
        Assert.Equal(["excludedResources", "backupName", "scheduleName", "itemOperationTimeout"], spec.Select(p => p.Key));
        Assert.Equal(["secrets", .. RestoreValidator.NonRestorableResources],
            spec["excludedResources"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("nightly-2", (string?)spec["backupName"]);
    }

    [Fact]
    public void A_restore_without_a_source_writes_no_empty_names()
    {
        var result = RestoreValidator.Validate(
            new Restore { Metadata = new V1ObjectMeta { Name = "r2", NamespaceProperty = "velero" } }, [], []);

        var spec = RestoreIntake.Defaults(result.Restore)["spec"]!.AsObject();

        Assert.Equal(["excludedResources"], spec.Select(p => p.Key));
    }
}
