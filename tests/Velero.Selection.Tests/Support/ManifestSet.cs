using Velero.Selection.Resources;
using YamlDotNet.RepresentationModel;

namespace Velero.Selection.Tests.Support;

/// <summary>
/// A manifest set from <c>shared/fixtures/manifests</c>, read in place: its objects, and the discovery entries its
/// CustomResourceDefinitions add (the served version of highest Kubernetes priority is the preferred one).
/// </summary>
internal sealed class ManifestSet
{
    private ManifestSet(IReadOnlyList<YamlMappingNode> documents) => Documents = documents;

    public IReadOnlyList<YamlMappingNode> Documents { get; }

    public static ManifestSet Load(string relativePath)
    {
        var path = Path.Combine(Fixtures.ManifestsDirectory, relativePath);
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : (IEnumerable<string>)[path];
        var documents = new List<YamlMappingNode>();
        foreach (var file in files)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            documents.AddRange(stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().Where(d => Scalar(d, "kind") is not null));
        }

        return new ManifestSet(documents);
    }

    /// <summary>The CRDs of the set as discovery would serve them.</summary>
    public IReadOnlyList<DiscoveredResource> CustomResources() =>
        [.. Documents.Where(d => Scalar(d, "kind") == "CustomResourceDefinition").Select(crd =>
        {
            var spec = (YamlMappingNode)crd.Children[new YamlScalarNode("spec")];
            var names = (YamlMappingNode)spec.Children[new YamlScalarNode("names")];
            var versions = ((YamlSequenceNode)spec.Children[new YamlScalarNode("versions")]).OfType<YamlMappingNode>()
                .Where(v => Scalar(v, "served") == "true").Select(v => Scalar(v, "name")!).ToList();
            var kind = Scalar(names, "kind")!;
            var shortNames = names.Children.TryGetValue(new YamlScalarNode("shortNames"), out var s)
                ? ((YamlSequenceNode)s).OfType<YamlScalarNode>().Select(n => n.Value!).ToArray()
                : [];
            return BuiltInDiscovery.R(
                Scalar(spec, "group")!, versions.OrderBy(VersionPriority).First(), Scalar(names, "plural")!, kind,
                Scalar(spec, "scope") == "Namespaced", shortNames);
        })];

    /// <summary>The objects as applied with <c>kubectl apply -n <paramref name="ns"/></c>.</summary>
    public IReadOnlyList<ManifestObject> Objects(DiscoveryModel discovery, string ns) =>
        [.. Documents.Where(d => Scalar(d, "kind") != "List").Select(d =>
        {
            var apiVersion = Scalar(d, "apiVersion")!;
            var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
            var group = slash < 0 ? string.Empty : apiVersion[..slash];
            var kind = Scalar(d, "kind")!;
            var metadata = (YamlMappingNode)d.Children[new YamlScalarNode("metadata")];
            var type = discovery.Resources.Single(r => r.Group == group && r.Kind == kind);
            var labels = metadata.Children.TryGetValue(new YamlScalarNode("labels"), out var l) && l is YamlMappingNode map
                ? map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value ?? string.Empty)
                : new Dictionary<string, string>();
            return new ManifestObject(
                group, apiVersion[(slash + 1)..], kind,
                type.Namespaced ? Scalar(metadata, "namespace") ?? ns : null,
                Scalar(metadata, "name")!, labels, d);
        })];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    // Kubernetes version priority: GA before beta before alpha, higher numbers first.
    private static (int, int, int) VersionPriority(string version)
    {
        var match = System.Text.RegularExpressions.Regex.Match(version, "^v(\\d+)(?:(alpha|beta)(\\d+))?$");
        if (!match.Success)
        {
            return (3, 0, 0);
        }

        var stage = match.Groups[2].Value switch { "" => 0, "beta" => 1, _ => 2 };
        return (stage, -int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            match.Groups[3].Success && match.Groups[3].Value.Length > 0
                ? -int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
    }
}
