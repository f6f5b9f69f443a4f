using Velero.KubeEmulator.Exec;
using Velero.KubeEmulator.Tests.Support;

namespace Velero.KubeEmulator.Tests.Kubectl;

/// <summary>kubectl exec against scripted commands, kubectl create token, and RBAC decisions on those tokens.</summary>
public sealed class KubectlAccessTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private Support.Kubectl Kubectl => fixture.Kubectl;

    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: db, namespace: hooks}
        spec:
          containers:
          - {name: mysql, image: mysql:8}
          - {name: agent, image: busybox:1.36}
        """;

    [Fact]
    public async Task Exec_answers_from_the_scripted_commands_with_their_exit_codes()
    {
        await Kubectl.RunAsync("create", "namespace", "hooks");
        Assert.Equal(0, (await Kubectl.RunWithInputAsync(Pod, "apply", "-f", "-")).ExitCode);
        fixture.Emulator.Exec.Register(["/sbin/fsfreeze", "--freeze", "/var/lib/mysql"], "frozen\n");
        fixture.Emulator.Exec.Register(new ExecScript(["sh", "-c", "exit 3"], new ExecResult("", "failing\n", 3)) { Container = "agent" });

        var ok = await Kubectl.RunAsync("exec", "db", "-n", "hooks", "-c", "mysql", "--", "/sbin/fsfreeze", "--freeze", "/var/lib/mysql");
        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.Equal("frozen\n", ok.Stdout);

        var failed = await Kubectl.RunAsync("exec", "db", "-n", "hooks", "-c", "agent", "--", "sh", "-c", "exit 3");
        Assert.Equal(3, failed.ExitCode);
        Assert.Contains("failing", failed.Stderr);
        Assert.Contains("command terminated with exit code 3", failed.Stderr);

        var unknown = await Kubectl.RunAsync("exec", "db", "-n", "hooks", "--", "nope");
        Assert.Equal(126, unknown.ExitCode);

        var missing = await Kubectl.RunAsync("exec", "ghost", "-n", "hooks", "--", "true");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("Error from server (NotFound): pods \"ghost\" not found", missing.Stderr);

        Assert.Contains(fixture.Emulator.Exec.Invocations, i => i is { Pod: "db", Container: "mysql" } && i.Command[0] == "/sbin/fsfreeze");
    }

    [Fact]
    public async Task Created_tokens_are_judged_by_rbac_with_real_forbidden_messages()
    {
        await Kubectl.RunAsync("create", "namespace", "team");
        Assert.Equal(["serviceaccount/robot created"], (await Kubectl.RunAsync("create", "serviceaccount", "robot", "-n", "team")).StdoutLines);
        var token = await Kubectl.RunAsync("create", "token", "robot", "-n", "team");
        Assert.True(token.ExitCode == 0, token.ToString());
        Assert.Equal(3, token.Stdout.Trim().Split('.').Length);

        string[] asRobot = ["--server", fixture.Emulator.SecureAddress!.ToString().TrimEnd('/'), "--insecure-skip-tls-verify=true", "--token", token.Stdout.Trim()];
        var denied = await Kubectl.RunAsync([.. asRobot, "get", "pods", "-n", "team"]);
        Assert.Equal(1, denied.ExitCode);
        Assert.Contains("Error from server (Forbidden): pods is forbidden: User \"system:serviceaccount:team:robot\" cannot list resource \"pods\" in API group \"\" in the namespace \"team\"", denied.Stderr);
        var clusterScope = await Kubectl.RunAsync([.. asRobot, "get", "nodes"]);
        Assert.Contains("nodes is forbidden: User \"system:serviceaccount:team:robot\" cannot list resource \"nodes\" in API group \"\" at the cluster scope", clusterScope.Stderr);

        var rbac = await Kubectl.RunWithInputAsync("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: pod-reader, namespace: team}
            rules:
            - {apiGroups: [""], resources: [pods], verbs: [get, list, watch]}
            - {apiGroups: [""], resources: [pods/exec], verbs: [create], resourceNames: [allowed]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: robot-reads-pods, namespace: team}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
            subjects:
            - {kind: ServiceAccount, name: robot, namespace: team}
            """, "apply", "-f", "-");
        Assert.True(rbac.ExitCode == 0, rbac.ToString());

        var allowed = await Kubectl.RunAsync([.. asRobot, "get", "pods", "-n", "team"]);
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        Assert.Contains("No resources found in team namespace.", allowed.Stderr);
        Assert.Equal("yes", (await Kubectl.RunAsync([.. asRobot, "auth", "can-i", "list", "pods", "-n", "team"])).Stdout.Trim());
        var cannot = await Kubectl.RunAsync([.. asRobot, "auth", "can-i", "delete", "pods", "-n", "team"]);
        Assert.Equal(("no", 1), (cannot.Stdout.Trim(), cannot.ExitCode));
        Assert.Equal("yes", (await Kubectl.RunAsync([.. asRobot, "auth", "can-i", "create", "pods/allowed", "--subresource=exec", "-n", "team"])).Stdout.Trim());
        Assert.Equal("no", (await Kubectl.RunAsync([.. asRobot, "auth", "can-i", "create", "pods/other", "--subresource=exec", "-n", "team"])).Stdout.Trim());
        var whoami = await Kubectl.RunAsync([.. asRobot, "auth", "whoami", "-o", "jsonpath={.status.userInfo.username}"]);
        Assert.Equal("system:serviceaccount:team:robot", whoami.Stdout);
        var otherNamespace = await Kubectl.RunAsync([.. asRobot, "get", "pods", "-n", "default"]);
        Assert.Contains("cannot list resource \"pods\" in API group \"\" in the namespace \"default\"", otherNamespace.Stderr);

        Assert.Equal(0, (await Kubectl.RunAsync("create", "rolebinding", "robot-views", "-n", "default", "--clusterrole=view", "--serviceaccount=team:robot")).ExitCode);
        Assert.Equal(0, (await Kubectl.RunAsync([.. asRobot, "get", "pods", "-n", "default"])).ExitCode);
        var secrets = await Kubectl.RunAsync([.. asRobot, "get", "secrets", "-n", "default"]);
        Assert.Contains("secrets is forbidden: User \"system:serviceaccount:team:robot\" cannot list resource \"secrets\" in API group \"\" in the namespace \"default\"", secrets.Stderr);
    }
}
