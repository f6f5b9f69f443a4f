using System.Text.Json.Nodes;

namespace Velero.Api.Tests;

/// <summary>The comparison itself: a schema change in either direction must show up as a named path.</summary>
public sealed class CrdShapeTests
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: things.example.com
        spec:
          group: example.com
          names: {kind: Thing, listKind: ThingList, plural: things, singular: thing}
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    description: ignored
                    properties:
                      size: {type: integer}
                      tags: {type: object, additionalProperties: {type: string}}
        """;

    [Fact]
    public void Differences_name_missing_extra_and_changed_paths()
    {
        var upstream = YamlDocuments.Load(Crd).Single();
        var generated = upstream.DeepClone().AsObject();
        var spec = generated["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!;
        spec["description"] = "different text";
        spec["properties"]!["size"]!["format"] = "int64";
        spec["properties"]!["tags"]!["additionalProperties"]!["type"] = "integer";
        spec["properties"]!.AsObject().Add("color", new JsonObject { ["type"] = "string" });
        spec["properties"]!.AsObject().Remove("size");

        var differences = CrdShape.Differences(CrdShape.Of(upstream), CrdShape.Of(generated));

        Assert.Equal(
            [
                "missing  versions[v1]:.spec.size  upstream: type=integer",
                "differs  versions[v1]:.spec.tags{}  upstream: type=string  generated: type=integer",
                "extra    versions[v1]:.spec.color  generated: type=string",
            ],
            differences);
    }
}
