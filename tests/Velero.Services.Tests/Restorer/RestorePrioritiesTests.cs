using Velero.Restorer.Ordering;

namespace Velero.Services.Tests.Restorer;

public sealed class RestorePrioritiesTests
{
    [Fact]
    public void The_high_list_comes_first_then_the_backups_other_types_alphabetically_then_the_low_list()
    {
        var order = RestorePriorities.Default.Order(
            ["widgets.example.com", "deployments.apps", "pods", "clusters.cluster.x-k8s.io", "volumesnapshotclasses.snapshot.storage.k8s.io"]);

        Assert.Equal(RestorePriorities.Default.High, order.Take(23));
        // The default's singular typo never matches the plural, which waits for the alphabetical part, as upstream.
        Assert.Equal(["deployments.apps", "volumesnapshotclasses.snapshot.storage.k8s.io", "widgets.example.com"], order.Skip(23).Take(3));
        Assert.Equal(RestorePriorities.Default.Low, order.Skip(26));
        Assert.Equal(["customresourcedefinitions", "namespaces", "storageclasses"], order.Take(3));
    }

    [Theory]
    [InlineData("", new string[0], new string[0])]
    [InlineData("pods,secrets", new[] { "pods", "secrets" }, new string[0])]
    [InlineData("pods,-,jobs.batch", new[] { "pods" }, new[] { "jobs.batch" })]
    [InlineData("-,jobs.batch", new string[0], new[] { "jobs.batch" })]
    [InlineData("pods,-", new[] { "pods" }, new string[0])]
    [InlineData("-", new string[0], new string[0])]
    public void The_flag_value_splits_at_the_separator_as_upstream_does(string value, string[] high, string[] low)
    {
        var priorities = RestorePriorities.Parse(value);

        Assert.Equal(high, priorities.High);
        Assert.Equal(low, priorities.Low);
    }

    [Fact]
    public void Two_separators_are_refused_with_upstreams_message()
    {
        var error = Assert.Throws<FormatException>(() => RestorePriorities.Parse("pods,-,secrets,-,jobs.batch"));

        Assert.Equal("multiple priority separator \"-\" found", error.Message);
    }

    [Fact]
    public void The_value_form_round_trips()
    {
        Assert.Equal("pods,-,jobs.batch", RestorePriorities.Parse("pods,-,jobs.batch").ToString());
        Assert.Equal("pods,secrets", RestorePriorities.Parse("pods,secrets").ToString());
        Assert.Equal(RestorePriorities.Default.High, RestorePriorities.Parse(RestorePriorities.Default.ToString()).High);
        Assert.Equal(RestorePriorities.Default.Low, RestorePriorities.Parse(RestorePriorities.Default.ToString()).Low);
    }
}
