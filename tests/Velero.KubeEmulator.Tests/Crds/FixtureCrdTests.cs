using System.Text.Json.Nodes;
using Velero.KubeEmulator.Tests.Support;

namespace Velero.KubeEmulator.Tests.Crds;

/// <summary>The Velero and CSI snapshot CRDs from the fixtures, applied unchanged, and custom resources of them.</summary>
public sealed class FixtureCrdTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private Support.Kubectl Kubectl => fixture.Kubectl;

    private static readonly string[] CrdFolders =
    [
        Path.Combine("velero", "v1", "bases"), Path.Combine("velero", "v2alpha1", "bases"), "snapshot",
    ];

    /// <summary>Applied twice in a row the snapshot CRDs say "configured": their YAML carries a status that no apply can set.</summary>
    private async Task ApplyAllCrdsAsync()
    {
        foreach (var folder in CrdFolders)
        {
            var path = Path.Combine(Fixtures.Crds, folder);
            var apply = await Kubectl.RunAsync("apply", "-f", path);
            Assert.True(apply.ExitCode == 0, apply.ToString());
            Assert.All(Fixtures.Objects(path), crd => Assert.Matches($"{System.Text.RegularExpressions.Regex.Escape(Fixtures.KubectlName(crd))} (created|unchanged|configured)", apply.Stdout));
        }

        var wait = await Kubectl.RunAsync("wait", "--for", "condition=Established", "--all", "crd", "--timeout=20s");
        Assert.True(wait.ExitCode == 0, wait.ToString());
    }

    [Fact]
    public async Task Velero_and_snapshot_CRDs_apply_unchanged_client_and_server_side_and_are_served()
    {
        await ApplyAllCrdsAsync();
        foreach (var folder in CrdFolders)
        {
            var path = Path.Combine(Fixtures.Crds, folder);
            var ssa = await Kubectl.RunAsync("apply", "--server-side", "-f", path);
            Assert.True(ssa.ExitCode == 0, ssa.ToString());
            Assert.Equal(Fixtures.Objects(path).Select(o => Fixtures.KubectlName(o) + " serverside-applied"), ssa.StdoutLines);
        }

        var resources = await Kubectl.RunAsync("api-resources", "--api-group=velero.io", "-o", "name");
        Assert.Equal(13, resources.StdoutLines.Count);
        Assert.Contains("backups.velero.io", resources.StdoutLines);
        Assert.Contains("datauploads.velero.io", resources.StdoutLines);
        var bsl = await Kubectl.RunAsync("get", "bsl", "-A");
        Assert.Equal(0, bsl.ExitCode);
        Assert.Contains("No resources found", bsl.Stderr);
        var storedVersions = await Kubectl.RunAsync("get", "crd", "volumesnapshots.snapshot.storage.k8s.io", "-o", "jsonpath={.status.storedVersions}");
        Assert.Equal("[\"v1\"]", storedVersions.Stdout);
    }

    [Fact]
    public async Task A_real_backup_exported_with_server_fields_applies_with_a_new_identity_and_keeps_its_status()
    {
        await ApplyAllCrdsAsync();
        var file = Path.Combine(Fixtures.Root, "velero-artifacts", "mig-controller-fork", "backup-with-status.real.yaml");
        await Kubectl.RunAsync("create", "namespace", "openshift-migration");

        // kubectl clears resourceVersion before creating (resource.Helper.Create with modify=true).
        var created = await Kubectl.RunAsync("apply", "-f", file);
        Assert.Equal(["backup.velero.io/migrate-backup created"], created.StdoutLines);
        var stored = JsonNode.Parse((await Kubectl.RunAsync("get", "backup", "migrate-backup", "-n", "openshift-migration", "-o", "json")).Stdout)!;
        Assert.Equal("Completed", (string?)stored["status"]!["phase"]);
        Assert.Equal(1, (int)stored["metadata"]!["generation"]!);
        Assert.NotEqual("4580b92f-25ec-482e-900d-242c4a90cec2", (string?)stored["metadata"]!["uid"]);
        Assert.NotEqual("4092523", (string?)stored["metadata"]!["resourceVersion"]);
    }

    [Fact]
    public async Task Unknown_fields_are_refused_under_strict_validation_and_pruned_otherwise()
    {
        await ApplyAllCrdsAsync();
        const string Schedule = """
            apiVersion: velero.io/v1
            kind: Schedule
            metadata: {name: nightly, namespace: velero-strict}
            spec:
              schedule: "0 1 * * *"
              bogus: true
              template: {includedNamespaces: ["*"], ttl: 720h0m0s, notAField: 1}
            """;
        await Kubectl.RunAsync("create", "namespace", "velero-strict");

        var strict = await Kubectl.RunWithInputAsync(Schedule, "apply", "-f", "-");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("Schedule in version \"v1\" cannot be handled as a Schedule: strict decoding error: unknown field \"spec.bogus\", unknown field \"spec.template.notAField\"", strict.Stderr);

        var lax = await Kubectl.RunWithInputAsync(Schedule, "apply", "-f", "-", "--validate=false");
        Assert.Equal(["schedule.velero.io/nightly created"], lax.StdoutLines);
        var spec = JsonNode.Parse((await Kubectl.RunAsync("get", "schedule", "nightly", "-n", "velero-strict", "-o", "jsonpath={.spec}")).Stdout)!.AsObject();
        Assert.Equal(["schedule", "template"], spec.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Null(spec["template"]!["notAField"]);
        Assert.Equal("720h0m0s", (string?)spec["template"]!["ttl"]);
    }

    [Fact]
    public async Task Preserve_unknown_fields_keeps_restore_hook_init_containers_whole()
    {
        await ApplyAllCrdsAsync();
        await Kubectl.RunAsync("create", "namespace", "velero-hooks");
        const string Restore = """
            apiVersion: velero.io/v1
            kind: Restore
            metadata: {name: with-hooks, namespace: velero-hooks}
            spec:
              backupName: nightly
              hooks:
                resources:
                - name: restore-hook-1
                  postHooks:
                  - init:
                      initContainers:
                      - name: restore-hook-init
                        image: alpine:latest
                        volumeMounts: [{mountPath: /restores/pvc1-vm, name: pvc1-vm}]
                        command: [/bin/ash, -c, echo -n "FOOBARBAZ" >> /restores/pvc1-vm/foobarbaz]
            """;

        var apply = await Kubectl.RunWithInputAsync(Restore, "apply", "-f", "-");
        Assert.Equal(["restore.velero.io/with-hooks created"], apply.StdoutLines);
        var init = await Kubectl.RunAsync("get", "restore", "with-hooks", "-n", "velero-hooks", "-o",
            "jsonpath={.spec.hooks.resources[0].postHooks[0].init.initContainers[0].volumeMounts[0].mountPath} {.spec.hooks.resources[0].postHooks[0].init.initContainers[0].image}");
        Assert.Equal("/restores/pvc1-vm alpine:latest", init.Stdout);
    }

    [Fact]
    public async Task Volume_snapshot_status_is_written_only_through_the_status_subresource()
    {
        await ApplyAllCrdsAsync();
        await Kubectl.RunAsync("create", "namespace", "snaps");
        var create = await Kubectl.RunWithInputAsync("""
            apiVersion: snapshot.storage.k8s.io/v1
            kind: VolumeSnapshot
            metadata: {name: data-snap, namespace: snaps}
            spec:
              volumeSnapshotClassName: csi-hostpath-snapclass
              source: {persistentVolumeClaimName: data}
            status: {readyToUse: true}
            """, "apply", "-f", "-");
        Assert.Equal(["volumesnapshot.snapshot.storage.k8s.io/data-snap created"], create.StdoutLines);
        Assert.Equal("", (await Kubectl.RunAsync("get", "vs", "data-snap", "-n", "snaps", "-o", "jsonpath={.status}")).Stdout);

        var status = await Kubectl.RunAsync("patch", "vs", "data-snap", "-n", "snaps", "--subresource=status", "--type=merge", "-p", """{"status":{"readyToUse":true},"spec":{"volumeSnapshotClassName":"other"}}""");
        Assert.Equal(["volumesnapshot.snapshot.storage.k8s.io/data-snap patched"], status.StdoutLines);
        var after = await Kubectl.RunAsync("get", "vs", "data-snap", "-n", "snaps", "-o", "jsonpath={.status.readyToUse} {.spec.volumeSnapshotClassName} {.metadata.generation}");
        Assert.Equal("true csi-hostpath-snapclass 1", after.Stdout);
    }

    [Fact]
    public async Task Deleting_a_CRD_deletes_its_objects_and_stops_serving_it()
    {
        var crd = Path.Combine(Fixtures.Crds, "velero", "v1", "bases", "velero.io_serverstatusrequests.yaml");
        Assert.Equal(0, (await Kubectl.RunAsync("apply", "-f", crd)).ExitCode);
        await Kubectl.RunAsync("wait", "--for", "condition=Established", "crd/serverstatusrequests.velero.io");
        await Kubectl.RunAsync("create", "namespace", "ssr");
        var cr = await Kubectl.RunWithInputAsync("apiVersion: velero.io/v1\nkind: ServerStatusRequest\nmetadata: {name: ping, namespace: ssr}\n", "apply", "-f", "-");
        Assert.Equal(["serverstatusrequest.velero.io/ping created"], cr.StdoutLines);

        var delete = await Kubectl.RunAsync("delete", "-f", crd);
        Assert.Equal(["customresourcedefinition.apiextensions.k8s.io \"serverstatusrequests.velero.io\" deleted"], delete.StdoutLines);
        Assert.Equal(0, fixture.Emulator.Store.Count("velero.io/serverstatusrequests"));
        // kubectl still knows the resource from its discovery cache; the server no longer serves it.
        var get = await Kubectl.RunAsync("get", "serverstatusrequests.velero.io", "-n", "ssr");
        Assert.Equal(1, get.ExitCode);
        Assert.Matches("the server could not find the requested resource|the server doesn't have a resource type", get.Stderr);
    }
}
