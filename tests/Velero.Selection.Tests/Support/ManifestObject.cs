using YamlDotNet.RepresentationModel;

namespace Velero.Selection.Tests.Support;

/// <summary>One object of a manifest set, as applied: namespaced objects without a namespace get the apply namespace.</summary>
internal sealed record ManifestObject(
    string Group, string Version, string Kind, string? Namespace, string Name,
    IReadOnlyDictionary<string, string> Labels, YamlMappingNode Document)
{
    public string Key => Namespace is null ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}
