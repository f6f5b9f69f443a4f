using System.Text.Json.Nodes;
using Velero.Restorer.Actions.BuiltIn;
using Velero.Restorer.Tests.Support;

namespace Velero.Restorer.Tests.Actions;

public sealed class JobActionTests
{
    private static readonly JobAction s_action = new();

    [Fact]
    public async Task Old_and_new_controller_uid_labels_leave_selector_and_template_and_other_labels_stay()
    {
        var job = ActionContexts.Json("""
            {"apiVersion":"batch/v1","kind":"Job","metadata":{"namespace":"ns","name":"j"},
             "spec":{"selector":{"matchLabels":{"controller-uid":"u1","batch.kubernetes.io/controller-uid":"u1","app":"x"}},
               "template":{"metadata":{"labels":{"controller-uid":"u1","batch.kubernetes.io/controller-uid":"u1","job-name":"j"}},"spec":{"containers":[]}}}}
            """);

        var result = (await s_action.ExecuteAsync(ActionContexts.For("jobs.batch", job), job, CancellationToken.None)).Item;

        Assert.Equal("""{"app":"x"}""", result["spec"]!["selector"]!["matchLabels"]!.ToJsonString());
        Assert.Equal("""{"job-name":"j"}""", result["spec"]!["template"]!["metadata"]!["labels"]!.ToJsonString());
    }

    [Fact]
    public async Task Every_job_of_the_fixture_manifests_is_left_without_controller_uid()
    {
        var jobs = FixtureManifests.OfKind("Job").ToList();
        Assert.NotEmpty(jobs);
        foreach (var (file, job) in jobs)
        {
            var before = job["spec"]!["template"]!["spec"]!.ToJsonString();
            var result = (await s_action.ExecuteAsync(ActionContexts.For("jobs.batch", job), job, CancellationToken.None)).Item;
            Assert.Equal(before, result["spec"]!["template"]!["spec"]!.ToJsonString());
            var labels = (result["spec"]!["template"]!["metadata"]?["labels"] as JsonObject)?.Select(l => l.Key) ?? [];
            Assert.DoesNotContain(labels, key => key.EndsWith("controller-uid", StringComparison.Ordinal));
            Assert.True(job == result, file);
        }
    }
}
