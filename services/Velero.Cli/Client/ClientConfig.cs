using System.Text.Json;
using System.Text.Json.Nodes;
using Velero.Cli.CommandLine;

namespace Velero.Cli.Client;

/// <summary>
/// The client configuration at <c>$HOME/.config/velero/config.json</c>, upstream's flat JSON object of strings
/// (<c>namespace</c>, <c>features</c> comma-separated, <c>cacert</c>, <c>colorized</c>), so a file written by either
/// CLI works with the other.
/// </summary>
internal sealed class ClientConfig
{
    public const string NamespaceKey = "namespace";
    public const string FeaturesKey = "features";
    public const string CaCertKey = "cacert";
    public const string ColorizedKey = "colorized";

    private readonly JsonObject _values;

    private ClientConfig(string path, JsonObject values)
    {
        FilePath = path;
        _values = values;
    }

    public string FilePath { get; }

    public string? Namespace => Get(NamespaceKey);

    public IReadOnlyList<string> Features => Get(FeaturesKey) is { Length: > 0 } f ? f.Split(',') : [];

    public string? CaCertFile => Get(CaCertKey);

    /// <summary>True unless set to something <c>strconv.ParseBool</c> reads as false.</summary>
    public bool Colorized => Get(ColorizedKey) is not ("0" or "f" or "F" or "false" or "FALSE" or "False");

    public IEnumerable<KeyValuePair<string, string?>> Values =>
        _values.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : kv.Value?.ToJsonString()));

    public string? Get(string key) =>
        _values[key] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    public void Set(string key, string value)
    {
        if (value.Length == 0)
        {
            _values.Remove(key);
        }
        else
        {
            _values[key] = value;
        }
    }

    public static ClientConfig Load(CliEnvironment env)
    {
        var path = Path.Combine(env.HomeDirectory, ".config", "velero", "config.json");
        if (!File.Exists(path))
        {
            return new ClientConfig(path, []);
        }

        try
        {
            return new ClientConfig(path, JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? []);
        }
        catch (JsonException e)
        {
            throw new CliException($"reading client config {path}: {e.Message}");
        }
    }

    /// <summary>Writes the file with owner-only permissions, as upstream (0700 directory, 0600 file).</summary>
    public void Save()
    {
        var directory = Path.GetDirectoryName(FilePath)!;
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(FilePath, options);
        using var writer = new Utf8JsonWriter(stream);
        _values.WriteTo(writer);
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }
}
