using Velero.Restorer.Actions;
using Velero.Restorer.Actions.BuiltIn;
using Velero.Restorer.Tests.Support;

namespace Velero.Restorer.Tests.Actions;

public sealed class BindingActionTests
{
    private const string Subjects = """
        [{"kind":"ServiceAccount","name":"a","namespace":"src"},{"kind":"ServiceAccount","name":"b","namespace":"other"},
         {"kind":"User","name":"alice","apiGroup":"rbac.authorization.k8s.io"}]
        """;

    private static IRestoreItemAction ActionFor(string groupResource) =>
        groupResource.StartsWith("cluster", StringComparison.Ordinal) ? new ClusterRoleBindingAction() : new RoleBindingAction();

    [Theory]
    [InlineData("rolebindings.rbac.authorization.k8s.io")]
    [InlineData("clusterrolebindings.rbac.authorization.k8s.io")]
    public async Task Subjects_follow_their_namespace_through_the_mapping(string groupResource)
    {
        var action = ActionFor(groupResource);
        var binding = ActionContexts.Json("{\"kind\":\"X\",\"metadata\":{\"name\":\"rb\"},\"subjects\":" + Subjects + "}");
        var context = ActionContexts.For(groupResource, binding, spec => spec.NamespaceMapping = new Dictionary<string, string> { ["src"] = "dst" });

        Assert.True(action.AppliesTo(groupResource));
        var result = (await action.ExecuteAsync(context, binding, CancellationToken.None)).Item;

        Assert.Equal(["dst", "other", null], result["subjects"]!.AsArray().Select(s => (string?)s!["namespace"]));
    }

    [Theory]
    [InlineData("rolebindings.rbac.authorization.k8s.io")]
    [InlineData("clusterrolebindings.rbac.authorization.k8s.io")]
    public async Task Without_a_mapping_the_binding_is_unchanged(string groupResource)
    {
        var action = ActionFor(groupResource);
        var binding = ActionContexts.Json("{\"kind\":\"X\",\"metadata\":{\"name\":\"rb\"},\"subjects\":" + Subjects + "}");
        var before = binding.ToJsonString();

        var result = (await action.ExecuteAsync(ActionContexts.For(groupResource, binding), binding, CancellationToken.None)).Item;

        Assert.Equal(before, result.ToJsonString());
    }

    [Fact]
    public async Task Every_binding_of_the_fixture_manifests_moves_its_service_accounts_with_their_namespace()
    {
        var bindings = FixtureManifests.OfKind("ClusterRoleBinding").Concat(FixtureManifests.OfKind("RoleBinding")).ToList();
        Assert.NotEmpty(bindings);
        foreach (var (file, binding) in bindings)
        {
            var namespaces = binding["subjects"]?.AsArray().Select(s => (string?)s!["namespace"]).ToList() ?? [];
            var mapping = namespaces.OfType<string>().Distinct().ToDictionary(ns => ns, ns => ns + "-restored");
            IRestoreItemAction action = (string?)binding["kind"] == "RoleBinding" ? new RoleBindingAction() : new ClusterRoleBindingAction();
            var context = ActionContexts.For("x", binding, spec => spec.NamespaceMapping = mapping);

            var result = (await action.ExecuteAsync(context, binding, CancellationToken.None)).Item;

            var after = result["subjects"]?.AsArray().Select(s => (string?)s!["namespace"]).ToList() ?? [];
            Assert.True(namespaces.Select(ns => ns is null ? null : ns + "-restored").SequenceEqual(after), file);
        }
    }
}
