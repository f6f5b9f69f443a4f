using System.Text;
using System.Text.Json.Nodes;
using Velero.KubeEmulator.Patching;

namespace Velero.KubeEmulator.Apply;

/// <summary>
/// Field paths in the FieldsV1 vocabulary of structured-merge-diff: "f:name" for a field, "k:{...}" for an item
/// of a keyed list, "v:..." for a member of a set. A path is its elements joined by '\n'; a set of paths is what
/// one manager owns.
/// </summary>
internal static class FieldPaths
{
    public const char Separator = '\n';

    private static readonly HashSet<string> UntrackedMetadata = new(StringComparer.Ordinal)
    {
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "managedFields", "selfLink", "generateName",
    };

    /// <summary>The paths an object sets. status is tracked only when statusOnly (the /status subresource).</summary>
    public static HashSet<string> Of(JsonObject obj, bool trackStatus, bool statusOnly = false)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            if (key is "apiVersion" or "kind" || (key == "status" && !trackStatus) || (statusOnly && key != "status"))
            {
                continue;
            }

            if (key == "metadata" && value is JsonObject metadata)
            {
                foreach (var (mk, mv) in metadata)
                {
                    if (!UntrackedMetadata.Contains(mk))
                    {
                        Walk(mv, "f:metadata" + Separator + "f:" + mk, mk, set);
                    }
                }

                continue;
            }

            Walk(value, "f:" + key, key, set);
        }

        return set;
    }

    /// <summary>
    /// The FieldsV1 tree of an object directly, without going through path strings: the same paths as
    /// ToTree(Of(obj)), keys in sorted order.
    /// </summary>
    public static JsonObject TreeOf(JsonObject obj, bool trackStatus, bool statusOnly = false)
    {
        var tree = new JsonObject();
        foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (key is "apiVersion" or "kind" || (key == "status" && !trackStatus) || (statusOnly && key != "status"))
            {
                continue;
            }

            if (key == "metadata" && value is JsonObject metadata)
            {
                var metaTree = new JsonObject();
                foreach (var (mk, mv) in metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!UntrackedMetadata.Contains(mk))
                    {
                        metaTree["f:" + mk] = Node(mv, mk);
                    }
                }

                if (metaTree.Count > 0)
                {
                    tree["f:metadata"] = metaTree;
                }

                continue;
            }

            tree["f:" + key] = Node(value, key);
        }

        return tree;
    }

    private static JsonObject Node(JsonNode? value, string field)
    {
        var node = new JsonObject();
        switch (value)
        {
            case JsonObject o when o.Count > 0:
                foreach (var (k, v) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    node["f:" + k] = Node(v, k);
                }

                break;
            case JsonArray a when a.Count > 0 && PatchKeys.MergeKey(field, a, null) is { } key && a.All(i => i is JsonObject io && io.ContainsKey(key)):
                foreach (var item in a.OfType<JsonObject>().OrderBy(i => KeyElement(field, key, i), StringComparer.Ordinal))
                {
                    var child = Node(item, "");
                    var owned = new JsonObject { ["."] = new JsonObject() };
                    foreach (var (k, v) in child.ToList())
                    {
                        child.Remove(k);
                        owned[k] = v;
                    }

                    node[KeyElement(field, key, item)] = owned;
                }

                break;
            case JsonArray a when a.Count > 0 && PatchKeys.IsMergedPrimitiveList(field):
                foreach (var item in a.Select(i => "v:" + (i?.ToJsonString() ?? "null")).Order(StringComparer.Ordinal))
                {
                    node[item] = new JsonObject();
                }

                break;
        }

        return node;
    }

    private static void Walk(JsonNode? node, string path, string field, HashSet<string> set)
    {
        switch (node)
        {
            case JsonObject o when o.Count > 0:
                foreach (var (k, v) in o)
                {
                    Walk(v, path + Separator + "f:" + k, k, set);
                }

                break;
            case JsonArray a when a.Count > 0 && PatchKeys.MergeKey(field, a, null) is { } key && a.All(i => i is JsonObject io && io.ContainsKey(key)):
                foreach (var item in a.OfType<JsonObject>())
                {
                    var itemPath = path + Separator + KeyElement(field, key, item);
                    set.Add(itemPath);
                    Walk(item, itemPath, "", set);
                }

                break;
            case JsonArray a when a.Count > 0 && PatchKeys.IsMergedPrimitiveList(field):
                foreach (var item in a)
                {
                    set.Add(path + Separator + "v:" + (item?.ToJsonString() ?? "null"));
                }

                break;
            default:
                set.Add(path);
                break;
        }
    }

    private static string KeyElement(string field, string key, JsonObject item)
    {
        var keyObject = new JsonObject { [key] = item[key]?.DeepClone() };
        if (field == "ports")
        {
            keyObject["protocol"] = item["protocol"]?.DeepClone() ?? "TCP";
        }

        return "k:" + keyObject.ToJsonString();
    }

    /// <summary>Finds the node a path points at, or null (with found=false) when it is absent.</summary>
    public static JsonNode? Resolve(JsonNode? root, string path, out bool found)
    {
        var node = root;
        found = true;
        foreach (var element in path.Split(Separator))
        {
            switch (element[0])
            {
                case 'f' when node is JsonObject o && o.TryGetPropertyValue(element[2..], out var child):
                    node = child;
                    break;
                case 'k' when node is JsonArray a && FindItem(a, element) is { } item:
                    node = item;
                    break;
                case 'v' when node is JsonArray a && a.FirstOrDefault(i => (i?.ToJsonString() ?? "null") == element[2..]) is var v && v is not null:
                    node = v;
                    break;
                default:
                    found = false;
                    return null;
            }
        }

        return node;
    }

    private static JsonObject? FindItem(JsonArray list, string element)
    {
        var key = (JsonNode.Parse(element[2..]) as JsonObject)!;
        return list.OfType<JsonObject>().FirstOrDefault(i => key.All(k =>
            JsonNode.DeepEquals(i[k.Key] ?? (k.Key == "protocol" ? JsonValue.Create("TCP") : null), k.Value)));
    }

    /// <summary>Removes the node at a path, if present.</summary>
    public static void Remove(JsonObject root, string path)
    {
        var cut = path.LastIndexOf(Separator);
        var parent = cut < 0 ? root : Resolve(root, path[..cut], out _);
        var last = cut < 0 ? path : path[(cut + 1)..];
        switch (parent)
        {
            case JsonObject o when last[0] == 'f':
                o.Remove(last[2..]);
                break;
            case JsonArray a when last[0] == 'k' && FindItem(a, last) is { } item:
                a.Remove(item);
                break;
            case JsonArray a when last[0] == 'v':
                var value = a.FirstOrDefault(i => (i?.ToJsonString() ?? "null") == last[2..]);
                if (value is not null)
                {
                    a.Remove(value);
                }

                break;
        }
    }

    /// <summary>".spec.containers[name=\"app\"].image", as conflict messages print a path.</summary>
    public static string Display(string path)
    {
        var text = new StringBuilder();
        foreach (var element in path.Split(Separator))
        {
            switch (element[0])
            {
                case 'f':
                    text.Append('.').Append(element[2..]);
                    break;
                case 'k':
                    var key = (JsonNode.Parse(element[2..]) as JsonObject)!;
                    text.Append('[').Append(string.Join(",", key.Select(k => $"{k.Key}={k.Value?.ToJsonString()}"))).Append(']');
                    break;
                default:
                    text.Append('[').Append(element[2..]).Append(']');
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>The FieldsV1 tree of a set of paths ("." marks a node that is owned and has owned children).</summary>
    public static JsonObject ToTree(IEnumerable<string> paths)
    {
        var root = new JsonObject();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var node = root;
            foreach (var element in path.Split(Separator))
            {
                if (node[element] is not JsonObject next)
                {
                    next = new JsonObject();
                    node[element] = next;
                }

                node = next;
            }
        }

        MarkOwnedParents(root, [.. paths]);
        return root;
    }

    private static void MarkOwnedParents(JsonObject tree, HashSet<string> paths, string prefix = "")
    {
        foreach (var (key, child) in tree.ToList())
        {
            var path = prefix.Length == 0 ? key : prefix + Separator + key;
            if (child is JsonObject c && c.Count > 0)
            {
                if (paths.Contains(path))
                {
                    c["."] = new JsonObject();
                }

                MarkOwnedParents(c, paths, path);
            }
        }
    }

    public static HashSet<string> FromTree(JsonObject? tree)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (tree is not null)
        {
            Collect(tree, "", set);
        }

        return set;
    }

    private static void Collect(JsonObject tree, string prefix, HashSet<string> set)
    {
        foreach (var (key, child) in tree)
        {
            if (key == ".")
            {
                set.Add(prefix);
                continue;
            }

            var path = prefix.Length == 0 ? key : prefix + Separator + key;
            if (child is JsonObject c && c.Count > 0)
            {
                Collect(c, path, set);
            }
            else
            {
                set.Add(path);
            }
        }
    }
}
