using System.Text;
using System.Text.Json.Nodes;
using Velero.KubeEmulator.Json;

namespace Velero.KubeEmulator.Hosting;

/// <summary>
/// Writes (or merges into) a kubeconfig: one cluster, user and context named after the context, so two
/// emulators (dev-a, dev-b) can share one file. The first context written becomes current-context.
/// </summary>
internal static class KubeconfigWriter
{
    public static void Write(string path, string context, Uri server, string token)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var gate = Lock(path + ".lock");
        JsonObject config = File.Exists(path) && new FileInfo(path).Length > 0
            ? YamlReader.ReadDocuments(File.ReadAllText(path)).FirstOrDefault() as JsonObject ?? new JsonObject()
            : new JsonObject();
        config["apiVersion"] = "v1";
        config["kind"] = "Config";
        Upsert(config, "clusters", context, new JsonObject { ["server"] = server.ToString().TrimEnd('/') }, "cluster");
        Upsert(config, "users", context, new JsonObject { ["token"] = token }, "user");
        Upsert(config, "contexts", context, new JsonObject { ["cluster"] = context, ["user"] = context }, "context");
        if (string.IsNullOrEmpty(Meta.Str(config, "current-context")))
        {
            config["current-context"] = context;
        }

        config["preferences"] ??= new JsonObject();
        var temp = path + ".tmp";
        File.WriteAllText(temp, ToYaml(config, 0));
        File.Move(temp, path, overwrite: true);
    }

    private static void Upsert(JsonObject config, string list, string name, JsonObject value, string field)
    {
        var items = config[list] as JsonArray ?? [];
        foreach (var existing in items.OfType<JsonObject>().Where(i => Meta.Str(i, "name") == name).ToList())
        {
            items.Remove(existing);
        }

        items.Add(new JsonObject { ["name"] = name, [field] = value });
        config[list] = items.Parent is null ? items : items.DeepClone();
    }

    /// <summary>Two processes starting at once must not lose each other's context.</summary>
    private static FileStream Lock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 100)
            {
                Thread.Sleep(50);
            }
        }
    }

    private static string ToYaml(JsonNode? node, int indent)
    {
        var text = new StringBuilder();
        var pad = new string(' ', indent);
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    if (v is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
                    {
                        text.Append(pad).Append(k).Append(":\n").Append(ToYaml(v, indent + 2));
                    }
                    else
                    {
                        text.Append(pad).Append(k).Append(": ").Append(Scalar(v)).Append('\n');
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    var inner = ToYaml(item, indent + 2);
                    text.Append(pad).Append("- ").Append(inner.TrimStart()).Append(inner.Length == 0 ? "\n" : "");
                }

                break;
        }

        return text.ToString();
    }

    private static string Scalar(JsonNode? v) => v switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue value when value.TryGetValue<string>(out var s) => System.Text.Json.JsonSerializer.Serialize(s),
        _ => v.ToJsonString(),
    };
}
