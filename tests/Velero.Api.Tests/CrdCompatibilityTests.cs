using System.Text.Json.Nodes;
using Velero.Api.Crds;

namespace Velero.Api.Tests;

/// <summary>
/// The generated CRDs against upstream Velero 1.18's, read from the shared fixtures at test time. Descriptions are
/// ignored; everything a client or the API server acts on is compared, in both directions.
/// </summary>
public sealed class CrdCompatibilityTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonObject>> Generated = new(() =>
    {
        using var writer = new StringWriter();
        VeleroCrds.WriteYaml(writer);
        return YamlDocuments.Load(writer.ToString()).ToDictionary(d => d["metadata"]!["name"]!.GetValue<string>());
    });

    public static TheoryData<string> UpstreamCrdFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Fixtures.CrdsDirectory, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetRelativePath(Fixtures.CrdsDirectory, file));
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(UpstreamCrdFiles))]
    public void Generated_crd_matches_upstream(string upstreamFile)
    {
        var upstream = YamlDocuments.LoadFile(Path.Combine(Fixtures.CrdsDirectory, upstreamFile)).Single();
        var name = upstream["metadata"]!["name"]!.GetValue<string>();

        Assert.True(Generated.Value.TryGetValue(name, out var generated), $"No generated CRD named {name}.");
        var differences = CrdShape.Differences(CrdShape.Of(upstream), CrdShape.Of(generated));
        Assert.True(differences.Count == 0,
            $"{name}: {differences.Count} difference(s) from upstream {upstreamFile}:\n  " + string.Join("\n  ", differences));
    }

    [Fact]
    public void Every_generated_crd_has_an_upstream_counterpart()
    {
        var upstreamNames = Directory.GetFiles(Fixtures.CrdsDirectory, "*.yaml", SearchOption.AllDirectories)
            .Select(f => YamlDocuments.LoadFile(f).Single()["metadata"]!["name"]!.GetValue<string>())
            .ToHashSet();

        Assert.Equal(13, upstreamNames.Count);
        Assert.Equal(upstreamNames.Order(), Generated.Value.Keys.Order());
    }

    [Fact]
    public void All_returns_what_WriteYaml_writes()
    {
        var all = VeleroCrds.All();

        Assert.Equal(Generated.Value.Keys.Order(), all.Select(c => c.Metadata.Name).Order());
        Assert.All(all, crd => Assert.Equal("apiextensions.k8s.io/v1", crd.ApiVersion));
        Assert.All(all, crd => Assert.Equal(WellKnown.Group, crd.Spec.Group));
    }

    [Fact]
    public void All_returns_independent_copies()
    {
        VeleroCrds.All()[0].Spec.Group = "changed.example.com";

        Assert.Equal(WellKnown.Group, VeleroCrds.All()[0].Spec.Group);
    }
}
