using Velero.Selection.Schedules;

namespace Velero.Services.Tests.Scheduler.Schedules;

public sealed class RetentionPolicyTests
{
    [Fact]
    public void Without_retention_annotations_there_is_no_policy()
    {
        Assert.Null(RetentionPolicy.FromAnnotations(null, out var errors));
        Assert.Empty(errors);
        Assert.Null(RetentionPolicy.FromAnnotations(new Dictionary<string, string> { ["team"] = "a" }, out errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void Every_rule_is_read_from_its_annotation()
    {
        var policy = RetentionPolicy.FromAnnotations(new Dictionary<string, string>
        {
            ["retention.velero-services.io/keep-last"] = "3",
            ["retention.velero-services.io/keep-hourly"] = "24",
            ["retention.velero-services.io/keep-daily"] = "7",
            ["retention.velero-services.io/keep-weekly"] = "4",
            ["retention.velero-services.io/keep-monthly"] = "12",
            ["retention.velero-services.io/keep-yearly"] = "0",
        }, out var errors);

        Assert.Empty(errors);
        Assert.Equal(new RetentionPolicy { Last = 3, Hourly = 24, Daily = 7, Weekly = 4, Monthly = 12, Yearly = 0 }, policy);
    }

    [Theory]
    [InlineData("retention.velero-services.io/keep-daily", "seven",
        "annotation retention.velero-services.io/keep-daily: \"seven\" is not a whole number from 0 to 100000")]
    [InlineData("retention.velero-services.io/keep-last", "-1",
        "annotation retention.velero-services.io/keep-last: \"-1\" is not a whole number from 0 to 100000")]
    [InlineData("retention.velero-services.io/keep-weekly", "100001",
        "annotation retention.velero-services.io/keep-weekly: \"100001\" is not a whole number from 0 to 100000")]
    [InlineData("retention.velero-services.io/keep-dayly", "7",
        "annotation retention.velero-services.io/keep-dayly: unknown retention rule (use keep-last, keep-hourly, keep-daily, keep-weekly, keep-monthly, keep-yearly)")]
    public void A_bad_annotation_is_named_and_gives_no_policy(string key, string value, string message)
    {
        var policy = RetentionPolicy.FromAnnotations(new Dictionary<string, string>
        {
            ["retention.velero-services.io/keep-last"] = "3",
            [key] = value,
        }, out var errors);

        Assert.Null(policy);
        Assert.Equal([message], errors);
    }
}
