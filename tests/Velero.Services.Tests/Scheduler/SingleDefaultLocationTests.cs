using k8s.Models;
using Velero.Api.V1;
using Velero.Scheduler.Locations;

namespace Velero.Services.Tests.Scheduler;

public sealed class SingleDefaultLocationTests
{
    [Fact]
    public void The_newest_default_location_stays_default_and_the_others_are_unset()
    {
        var old = Location("old", true, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var newest = Location("newest", true, new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        var other = Location("other", false, new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc));

        var unset = SingleDefaultLocation.ToUnset([old, newest, other]);

        Assert.Equal(["old"], unset.Select(l => l.Metadata.Name));
    }

    [Fact]
    public void Among_defaults_created_at_the_same_second_the_first_listed_stays()
    {
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        var unset = SingleDefaultLocation.ToUnset([Location("a", true, at), Location("b", true, at), Location("c", true, at)]);

        Assert.Equal(["b", "c"], unset.Select(l => l.Metadata.Name));
    }

    [Fact]
    public void One_or_no_default_changes_nothing()
    {
        Assert.Empty(SingleDefaultLocation.ToUnset([Location("a", true, DateTime.UtcNow), Location("b", false, DateTime.UtcNow)]));
        Assert.Empty(SingleDefaultLocation.ToUnset([Location("a", null, DateTime.UtcNow)]));
    }

    private static BackupStorageLocation Location(string name, bool? isDefault, DateTime created) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "velero", CreationTimestamp = created },
        Spec = new BackupStorageLocationSpec { Provider = "aws", Default = isDefault },
    };
}
