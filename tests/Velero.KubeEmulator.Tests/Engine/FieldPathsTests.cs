using System.Text.Json.Nodes;
using Velero.KubeEmulator.Apply;
using Velero.KubeEmulator.Tests.Support;

namespace Velero.KubeEmulator.Tests.Engine;

public sealed class FieldPathsTests
{
    [Fact]
    public void The_direct_tree_of_a_created_object_equals_the_tree_of_its_paths()
    {
        foreach (var obj in Fixtures.Objects(Path.Combine(Fixtures.Manifests, "microservices-demo", "kubernetes-manifests.yaml"))
            .Concat(Fixtures.Objects(Path.Combine(Fixtures.Manifests, "velero-examples", "nginx-app", "with-pv.yaml"))))
        {
            var direct = FieldPaths.TreeOf(obj, trackStatus: false);
            var viaPaths = FieldPaths.ToTree(FieldPaths.Of(obj, trackStatus: false));
            Assert.True(JsonNode.DeepEquals(direct, viaPaths), $"{direct.ToJsonString()}\n{viaPaths.ToJsonString()}");
            Assert.Equal(FieldPaths.Of(obj, false).Order(StringComparer.Ordinal), FieldPaths.FromTree(direct).Order(StringComparer.Ordinal));
        }
    }
}
