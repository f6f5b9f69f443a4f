using Velero.Api.V1;
using Velero.Selection.Validation;
using static Velero.Selection.Tests.Support.Locations;
using static Velero.Selection.Tests.Support.Specs;

namespace Velero.Selection.Tests.Validation;

/// <summary><c>validateAndGetSnapshotLocations</c> in <c>pkg/controller/backup_controller.go</c>.</summary>
public sealed class SnapshotLocationResolverTests
{
    private static readonly VolumeSnapshotLocation[] Available =
        [Vsl("aws-east", "aws"), Vsl("aws-west", "aws"), Vsl("gcp-1", "gcp"), Vsl("azure-1", "azure")];

    public static TheoryData<string?, string?, string, string[]> Cases => new()
    {
        // requested, server defaults (provider:name), resolved names, errors
        { null, "aws:aws-west", "aws-west,azure-1,gcp-1", [] },
        { "aws-east", null, "aws-east,azure-1,gcp-1", [] },
        { "aws-east,aws-east", null, "aws-east,azure-1,gcp-1", [] }, // the same name twice is fine
        { null, null, "", ["provider aws has more than one possible volume snapshot location, and none were specified explicitly or as a default"] },
        { "aws-east,aws-west", null, "", ["more than one VolumeSnapshotLocation name specified for provider aws: aws-west; unexpected name was aws-east"] },
        { "nope", null, "", ["a VolumeSnapshotLocation CRD for the location nope with the name specified in the backup spec needs to be created before this snapshot can be executed. Error: volumesnapshotlocations.velero.io \"nope\" not found"] },
        { null, "aws:gone", "", ["error getting volume snapshot location named gone: volumesnapshotlocations.velero.io \"gone\" not found"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolves_one_location_per_provider(string? requested, string? serverDefaults, string expected, string[] errors)
    {
        var defaults = (serverDefaults ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(':')).ToDictionary(p => p[0], p => p[1]);
        var (locations, actualErrors) = SnapshotLocationResolver.Resolve(List(requested), Available, defaults);
        Assert.Equal(errors, actualErrors);
        Assert.Equal(List(expected), locations.Select(l => l.Metadata.Name).ToList());
    }

    [Fact]
    public void No_locations_at_all_is_fine() =>
        Assert.Empty(SnapshotLocationResolver.Resolve(null, [], new Dictionary<string, string>()).Locations);
}
