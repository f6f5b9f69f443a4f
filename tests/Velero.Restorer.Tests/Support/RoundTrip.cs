using Velero.Restorer.Engine;

namespace Velero.Restorer.Tests.Support;

/// <summary>One backup-and-restore: the original cluster, the target before and after, how the restore ended and its files.</summary>
public sealed record RoundTrip(ClusterSnapshot Original, ClusterSnapshot Before, ClusterSnapshot After, RestoreOutcome Outcome,
    RestoreFilesContents Files)
{
    public void AssertRestored(RoundTripExpectation? expectation = null) =>
        ClusterComparison.AssertRestored(Original, Before, After, expectation);

    /// <summary>The restore ended Completed without errors; otherwise says what the results hold.</summary>
    public void AssertCompleted()
    {
        Assert.True(Outcome is { Phase: "Completed", Errors: 0, FailureReason: null },
            $"restore {Outcome.Phase} ({Outcome.FailureReason}), results: {Files.Results.ToJsonString()}");
    }
}
