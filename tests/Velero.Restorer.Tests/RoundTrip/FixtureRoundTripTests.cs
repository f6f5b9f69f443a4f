using Velero.Restorer.Tests.Support;
using Velero.Testing;

namespace Velero.Restorer.Tests.RoundTrip;

/// <summary>
/// Every manifest set of the shared fixtures, seeded into a cluster, backed up in full and restored into an empty
/// cluster: every object the backup brings back is there, equal but for what a restore changes.
/// </summary>
public sealed class FixtureRoundTripTests
{
    /// <summary>Each top-level directory of <c>manifests/</c>, seeded whole.</summary>
    public static TheoryData<string> ManifestSets() =>
        [.. Directory.GetDirectories(Path.Combine(RepositoryPaths.Fixtures, "manifests")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ManifestSets))]
    public async Task Restore_into_an_empty_cluster_brings_back_every_backed_up_object(string set)
    {
        await using var clusters = await RoundTripClusters.StartAsync(Path.Combine(RepositoryPaths.Fixtures, "manifests", set));
        var roundTrip = await clusters.RunAsync(set);

        roundTrip.AssertCompleted();
        roundTrip.AssertRestored();
        Assert.Equal(roundTrip.Outcome.TotalItems, roundTrip.Outcome.ItemsRestored);
    }
}
