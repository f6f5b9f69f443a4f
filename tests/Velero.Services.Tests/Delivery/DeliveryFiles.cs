using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Velero.Services.Tests.Delivery;

/// <summary>
/// The repository's delivery files (docker-compose.yml, deploy/compose, tilt), found from the test's location, and
/// YAML read as Docker Compose and kubectl read it: plain maps, lists and strings, with anchors and merge keys
/// (<c>&lt;&lt;: *x</c>) resolved.
/// </summary>
internal static class DeliveryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    public static object? ReadYaml(string relative) => ParseYaml(File.ReadAllText(PathOf(relative)));

    public static object? ParseYaml(string text)
    {
        var parser = new MergingParser(new Parser(new StringReader(text)));
        return new DeserializerBuilder().Build().Deserialize<object?>(parser);
    }

    /// <summary>Every document of a multi-document YAML file.</summary>
    public static IReadOnlyList<object?> ReadYamlDocuments(string relative)
    {
        var documents = new List<object?>();
        var parser = new MergingParser(new Parser(new StringReader(File.ReadAllText(PathOf(relative)))));
        var deserializer = new DeserializerBuilder().Build();
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
        {
            documents.Add(deserializer.Deserialize<object?>(parser));
        }

        return documents;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Velero.Services.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Velero.Services.sln above {AppContext.BaseDirectory}");
    }
}
