using System.Globalization;
using System.Text.RegularExpressions;

namespace Velero.Services.Tests.Delivery;

/// <summary>
/// A Compose file read as <c>docker compose config</c> reads it with no variables set: services, their published
/// and exposed ports, volumes and dependencies, with <c>${VAR:-default}</c> taken at its default.
/// </summary>
internal sealed partial class ComposeFile
{
    private ComposeFile(string path, IReadOnlyDictionary<string, object?> root)
    {
        Path = path;
        Root = root;
        Services = Yaml.Map(root.GetValueOrDefault("services"), $"{path}: services").ToDictionary(
            s => s.Key, s => Yaml.Map(s.Value, $"{path}: service {s.Key}"), StringComparer.Ordinal);
        Volumes = Yaml.MapOrEmpty(root.GetValueOrDefault("volumes"), $"{path}: volumes").Keys.ToHashSet(StringComparer.Ordinal);
        Networks = Yaml.MapOrEmpty(root.GetValueOrDefault("networks"), $"{path}: networks");
    }

    public const string MainFile = "docker-compose.yml";

    public string Path { get; }

    public IReadOnlyDictionary<string, object?> Root { get; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> Services { get; }

    public IReadOnlySet<string> Volumes { get; }

    public IReadOnlyDictionary<string, object?> Networks { get; }

    public static ComposeFile Load(string relative = MainFile) =>
        new(relative, Yaml.Map(DeliveryFiles.ReadYaml(relative), relative));

    public IReadOnlyDictionary<string, object?> Service(string name) =>
        Services.TryGetValue(name, out var service) ? service : throw new Xunit.Sdk.XunitException($"{Path}: no service {name}");

    /// <summary>The services running the <c>velero</c> image.</summary>
    public IEnumerable<string> VeleroServices =>
        Services.Where(s => s.Value.GetValueOrDefault("image") is string image && image.StartsWith("ghcr.io/velero-services/velero:", StringComparison.Ordinal))
            .Select(s => s.Key);

    public IReadOnlyList<PublishedPort> Ports(string service) =>
        [.. Yaml.ListOrEmpty(Service(service).GetValueOrDefault("ports"), $"{service}: ports").Select(p => PublishedPort.Parse(p, service))];

    /// <summary>The ports a service listens on that other services may use: its published and exposed ones.</summary>
    public IReadOnlySet<int> ListeningPorts(string service) =>
        Ports(service).Select(p => p.Target)
            .Concat(Yaml.ListOrEmpty(Service(service).GetValueOrDefault("expose"), $"{service}: expose")
                .Select(e => int.Parse(Convert.ToString(e, CultureInfo.InvariantCulture)!.Split('/')[0], CultureInfo.InvariantCulture)))
            .ToHashSet();

    public IReadOnlyDictionary<string, string> Environment(string service) =>
        Yaml.MapOrEmpty(Service(service).GetValueOrDefault("environment"), $"{service}: environment")
            .ToDictionary(e => e.Key, e => Interpolate(Yaml.Text(e.Value, $"{service}: environment.{e.Key}")), StringComparer.Ordinal);

    public IReadOnlyList<string> Command(string service) =>
        Yaml.Texts(Service(service).GetValueOrDefault("command"), $"{service}: command");

    public bool HasHealthCheck(string service) =>
        Service(service).GetValueOrDefault("healthcheck") is IDictionary<object, object?> check
        && !(check.TryGetValue("disable", out var disable) && disable is "true");

    /// <summary>Each dependency of a service with the condition it waits for (short syntax means service_started).</summary>
    public IReadOnlyDictionary<string, string> DependsOn(string service) => Service(service).GetValueOrDefault("depends_on") switch
    {
        null => new Dictionary<string, string>(),
        IList<object?> names => names.ToDictionary(n => Yaml.Text(n, $"{service}: depends_on"), _ => "service_started", StringComparer.Ordinal),
        var map => Yaml.Map(map, $"{service}: depends_on").ToDictionary(
            d => d.Key,
            d => Yaml.Text(Yaml.MapOrEmpty(d.Value, $"{service}: depends_on.{d.Key}").GetValueOrDefault("condition") ?? "service_started",
                $"{service}: depends_on.{d.Key}.condition"),
            StringComparer.Ordinal),
    };

    /// <summary>Each volume entry of a service, short or long syntax, as its type, source, target and whether read-only.</summary>
    public IReadOnlyList<ServiceVolume> ServiceVolumes(string service) =>
        [.. Yaml.ListOrEmpty(Service(service).GetValueOrDefault("volumes"), $"{service}: volumes").Select(v => ServiceVolume.Parse(v, service))];

    /// <summary>A value as Compose reads it with no variables set: <c>${VAR:-default}</c> and <c>${VAR-default}</c> give the default.</summary>
    public static string Interpolate(string value) => Variable().Replace(value, m => m.Groups["default"].Value);

    [GeneratedRegex(@"\$\{(?<name>\w+)(?::?[-?](?<default>[^}]*))?\}")]
    private static partial Regex Variable();
}
