using Velero.Snapshotter.Tests.Support;

namespace Velero.Snapshotter.Tests;

/// <summary>Pod exec hooks around a pod's backup (spec 4.6), through the emulator's <c>pods/exec</c>.</summary>
public sealed class HookTests
{
    private const string Manifests = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: hooked}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: frozen
          namespace: hooked
          annotations:
            pre.hook.backup.velero.io/command: '["/sbin/fsfreeze", "--freeze", "/data"]'
            post.hook.backup.velero.io/command: '["/sbin/fsfreeze", "--unfreeze", "/data"]'
        spec:
          containers: [{name: app, image: busybox}]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: strict
          namespace: hooked
          annotations:
            pre.hook.backup.velero.io/command: '["/bin/flush-caches"]'
            pre.hook.backup.velero.io/on-error: Fail
        spec:
          containers: [{name: app, image: busybox}]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: lenient
          namespace: hooked
          annotations:
            pre.hook.backup.velero.io/command: '["/bin/flush-caches"]'
        spec:
          containers: [{name: app, image: busybox}]
        """;

    [Fact]
    public async Task Hooks_run_around_their_pods_and_a_failing_pre_hook_with_on_error_fail_leaves_its_pod_out()
    {
        await using var cluster = await Harness.ClusterAsync();
        ManifestSeeder.SeedYaml(cluster, Manifests);
        cluster.Exec.Register(["/sbin/fsfreeze", "--freeze", "/data"], stdout: "");
        cluster.Exec.Register(["/sbin/fsfreeze", "--unfreeze", "/data"], stdout: "");
        cluster.Exec.Register(["/bin/flush-caches"], stdout: "", exitCode: 1, stderr: "device busy");

        var (result, contents) = await Backups.RunAsync(cluster, "hooks", s => s.IncludedNamespaces = ["hooked"]);

        Assert.Equal("PartiallyFailed", result.Phase);
        Assert.Equal((4, 2), (result.HooksAttempted, result.HooksFailed));
        Assert.Equal(2, result.Errors);
        Assert.Contains("resources/pods/namespaces/hooked/frozen.json", contents.DefaultItemPaths);
        Assert.Contains("resources/pods/namespaces/hooked/lenient.json", contents.DefaultItemPaths);
        Assert.DoesNotContain("resources/pods/namespaces/hooked/strict.json", contents.DefaultItemPaths);

        var status = contents.Metadata["status"]!;
        Assert.Equal("PartiallyFailed", (string?)status["phase"]);
        Assert.Equal(2, (int?)status["errors"]);
        Assert.Equal((4, 2), ((int?)status["hookStatus"]!["hooksAttempted"], (int?)status["hookStatus"]!["hooksFailed"]));
        var errors = contents.Results!["errors"]!["namespaces"]!["hooked"]!.AsArray().Select(e => (string)e!).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Contains("exit code 1", e, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("strict", StringComparison.Ordinal));
    }
}
