using k8s.Models;
using Velero.Api.V1;
using Velero.Scheduler.Backups;

namespace Velero.Services.Tests.Scheduler;

public sealed class BackupIntakeTests
{
    [Fact]
    public void The_defaults_written_to_a_backup_are_its_labels_annotations_spec_and_status_versions_only()
    {
        var validated = new Backup
        {
            Metadata = new V1ObjectMeta
            {
                Name = "nightly",
                NamespaceProperty = "velero",
                Uid = "uid-1",
                Labels = new Dictionary<string, string> { ["velero.io/storage-location"] = "default" },
                Annotations = new Dictionary<string, string> { ["velero.io/resource-timeout"] = "10m0s" },
            },
            Spec = new BackupSpec { Ttl = "720h0m0s", IncludedNamespaces = ["*"], StorageLocation = "default" },
            Status = new BackupStatus
            {
                Version = 1,
                FormatVersion = "1.1.0",
                Expiration = new DateTime(2026, 12, 27, 10, 0, 0, 750, DateTimeKind.Utc),
                ValidationErrors = ["not written here: the phase's own fields are"],
            },
        };

        var defaults = BackupIntake.Defaults(validated);

        Assert.Equal(["metadata", "spec", "status"], defaults.Select(p => p.Key));
        Assert.Equal(["labels", "annotations"], defaults["metadata"]!.AsObject().Select(p => p.Key));
        Assert.Equal("720h0m0s", (string?)defaults["spec"]!["ttl"]);
        Assert.Equal("default", (string?)defaults["spec"]!["storageLocation"]);
        var status = defaults["status"]!.AsObject();
        Assert.Equal(["version", "formatVersion", "expiration"], status.Select(p => p.Key));
        Assert.StartsWith("2026-12-27T10:00:00", (string?)status["expiration"], StringComparison.Ordinal);
        Assert.DoesNotContain(".75", (string?)status["expiration"], StringComparison.Ordinal);
    }
}
