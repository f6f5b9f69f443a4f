using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Velero.Images;

/// <summary>A CycloneDX 1.5 JSON document for one image: written by <c>sbom</c>, read back by <c>check</c>.</summary>
public sealed class SbomDocument
{
    public required string Name { get; init; }

    public required string Version { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    public required IReadOnlyList<SbomComponent> Components { get; init; }

    public IEnumerable<string> Purls => Components.Where(c => c.Purl is not null).Select(c => c.Purl!);

    public IEnumerable<string> Locations => Components.SelectMany(c => c.Locations);

    public string ToJson()
    {
        var components = new JsonArray();
        foreach (var c in Components)
        {
            var node = new JsonObject { ["type"] = c.Type, ["bom-ref"] = c.Purl ?? $"file:{(c.Locations.Count > 0 ? c.Locations[0] : c.Name)}", ["name"] = c.Name };
            if (c.Version is not null)
            {
                node["version"] = c.Version;
            }

            if (c.Purl is not null)
            {
                node["purl"] = c.Purl;
            }

            if (c.Sha256 is not null)
            {
                node["hashes"] = new JsonArray(new JsonObject { ["alg"] = "SHA-256", ["content"] = c.Sha256 });
            }

            if (c.Locations.Count > 0)
            {
                node["evidence"] = new JsonObject
                {
                    ["occurrences"] = new JsonArray([.. c.Locations.Select(l => (JsonNode)new JsonObject { ["location"] = l })]),
                };
            }

            components.Add(node);
        }

        var document = new JsonObject
        {
            ["bomFormat"] = "CycloneDX",
            ["specVersion"] = "1.5",
            ["serialNumber"] = $"urn:uuid:{SerialNumber()}",
            ["version"] = 1,
            ["metadata"] = new JsonObject
            {
                ["timestamp"] = Timestamp.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                ["tools"] = new JsonObject
                {
                    ["components"] = new JsonArray(new JsonObject { ["type"] = "application", ["name"] = "velero-images", ["version"] = Version }),
                },
                ["component"] = new JsonObject { ["type"] = "container", ["name"] = Name, ["version"] = Version },
            },
            ["components"] = components,
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    public static SbomDocument Parse(string json)
    {
        var root = JsonNode.Parse(json) ?? throw new InvalidDataException("empty SBOM");
        if (root["bomFormat"]?.GetValue<string>() != "CycloneDX")
        {
            throw new InvalidDataException("not a CycloneDX SBOM");
        }

        var components = (root["components"]?.AsArray() ?? []).Select(c => new SbomComponent(
            c?["type"]?.GetValue<string>() ?? "",
            c?["name"]?.GetValue<string>() ?? "",
            c?["version"]?.GetValue<string>(),
            c?["purl"]?.GetValue<string>(),
            [.. (c?["evidence"]?["occurrences"]?.AsArray() ?? []).Select(o => o?["location"]?.GetValue<string>() ?? "")]));
        return new SbomDocument
        {
            Name = root["metadata"]?["component"]?["name"]?.GetValue<string>() ?? "",
            Version = root["metadata"]?["component"]?["version"]?.GetValue<string>() ?? "",
            Components = [.. components],
        };
    }

    // The same contents give the same serial number, so rebuilding an unchanged image gives an unchanged SBOM body.
    private string SerialNumber()
    {
        var text = string.Join('\n', Components.Select(c => $"{c.Purl}|{c.Name}|{c.Sha256}|{string.Join(',', c.Locations)}"));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Name}\n{Version}\n{text}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
