using System.Text.Json.Nodes;

namespace Velero.Images;

/// <summary>A NuGet package compiled into a binary, with its package URL.</summary>
public sealed record NuGetPackage(string Name, string Version)
{
    public string Purl => $"pkg:nuget/{Name}@{Version}";

    /// <summary>
    /// The packages of a <c>*.deps.json</c> (types package and runtimepack, the latter being the .NET runtime of a
    /// self-contained app) or of an <c>obj/project.assets.json</c> (type package): both key libraries "Name/Version".
    /// </summary>
    public static IReadOnlyList<NuGetPackage> FromJson(string json)
    {
        var libraries = JsonNode.Parse(json)?["libraries"]?.AsObject()
            ?? throw new InvalidDataException("no \"libraries\" object: not a deps.json or project.assets.json");
        var result = new List<NuGetPackage>();
        foreach (var (key, value) in libraries)
        {
            var type = value?["type"]?.GetValue<string>();
            if (type is not ("package" or "runtimepack") || key.Split('/') is not [var name, var version])
            {
                continue;
            }

            const string runtimePack = "runtimepack.";
            if (name.StartsWith(runtimePack, StringComparison.Ordinal))
            {
                name = name[runtimePack.Length..];
            }

            result.Add(new NuGetPackage(name, version));
        }

        return [.. result.Distinct().OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)];
    }
}
