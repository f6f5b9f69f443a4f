using System.Text.Json.Nodes;

namespace Velero.KubeEmulator.Patching;

/// <summary>
/// Strategic merge patch as kubectl sends it: lists with a known merge key merge by that key, with the
/// $patch, $setElementOrder, $deleteFromPrimitiveList and $retainKeys directives. Custom resources never get
/// here (the real server answers 415 for them too).
/// </summary>
internal static class StrategicMergePatch
{
    private const string SetOrder = "$setElementOrder/";
    private const string DeleteFromPrimitive = "$deleteFromPrimitiveList/";

    public static JsonNode? Apply(JsonNode? target, JsonNode? patch) => MergeMap(target as JsonObject ?? [], patch as JsonObject);

    private static JsonObject? MergeMap(JsonObject target, JsonObject? patch)
    {
        if (patch is null)
        {
            return target;
        }

        switch (Json.Meta.Str(patch, "$patch"))
        {
            case "delete":
                return null;
            case "replace":
                var replaced = (JsonObject)patch.DeepClone();
                replaced.Remove("$patch");
                return replaced;
        }

        foreach (var (key, value) in patch)
        {
            if (key.StartsWith('$'))
            {
                continue;
            }

            if (value is null)
            {
                target.Remove(key);
                continue;
            }

            var current = target[key];
            JsonNode? merged = value switch
            {
                JsonObject patchMap => MergeMap(current as JsonObject ?? [], patchMap),
                JsonArray patchList => MergeList(key, current as JsonArray, patchList),
                _ => value.DeepClone(),
            };
            if (merged is null)
            {
                target.Remove(key);
            }
            else
            {
                target[key] = merged.Parent is null ? merged : merged.DeepClone();
            }
        }

        foreach (var (key, value) in patch.ToList())
        {
            if (key.StartsWith(DeleteFromPrimitive, StringComparison.Ordinal) && target[key[DeleteFromPrimitive.Length..]] is JsonArray list
                && value is JsonArray removed)
            {
                foreach (var item in list.Where(i => removed.Any(r => JsonNode.DeepEquals(r, i))).ToList())
                {
                    list.Remove(item);
                }
            }
            else if (key.StartsWith(SetOrder, StringComparison.Ordinal) && target[key[SetOrder.Length..]] is JsonArray ordered
                && value is JsonArray order)
            {
                Reorder(key[SetOrder.Length..], ordered, order);
            }
        }

        if (patch["$retainKeys"] is JsonArray retain)
        {
            var keep = Json.Meta.Strings(retain).ToHashSet(StringComparer.Ordinal);
            foreach (var key in target.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                target.Remove(key);
            }
        }

        return target;
    }

    private static JsonArray MergeList(string field, JsonArray? current, JsonArray patch)
    {
        if (patch.OfType<JsonObject>().Any(o => Json.Meta.Str(o, "$patch") == "replace"))
        {
            return new JsonArray([.. patch.Where(i => i is not JsonObject o || Json.Meta.Str(o, "$patch") != "replace").Select(i => i?.DeepClone())]);
        }

        var key = PatchKeys.MergeKey(field, current, patch);
        if (key is null)
        {
            if (PatchKeys.IsMergedPrimitiveList(field) && current is not null)
            {
                var union = (JsonArray)current.DeepClone();
                foreach (var item in patch.Where(p => !union.Any(u => JsonNode.DeepEquals(u, p))))
                {
                    union.Add(item?.DeepClone());
                }

                return union;
            }

            return (JsonArray)patch.DeepClone();
        }

        var result = current is null ? [] : (JsonArray)current.DeepClone();
        foreach (var item in patch.OfType<JsonObject>())
        {
            var existing = result.OfType<JsonObject>().FirstOrDefault(r => JsonNode.DeepEquals(r[key], item[key]));
            if (Json.Meta.Str(item, "$patch") == "delete")
            {
                if (existing is not null)
                {
                    result.Remove(existing);
                }

                continue;
            }

            if (existing is null)
            {
                var added = (JsonObject)item.DeepClone();
                MergeMap(added, []);
                result.Add(StripDirectives(added));
            }
            else
            {
                MergeMap(existing, item);
            }
        }

        return result;
    }

    private static JsonObject StripDirectives(JsonObject o)
    {
        foreach (var k in o.Select(p => p.Key).Where(k => k.StartsWith('$')).ToList())
        {
            o.Remove(k);
        }

        return o;
    }

    private static void Reorder(string field, JsonArray list, JsonArray order)
    {
        var key = PatchKeys.MergeKey(field, list, null);
        var items = list.ToList();
        var sorted = new List<JsonNode?>();
        foreach (var wanted in order)
        {
            var match = items.FirstOrDefault(i => key is null
                ? JsonNode.DeepEquals(i, wanted)
                : i is JsonObject o && JsonNode.DeepEquals(o[key], wanted?[key]));
            if (match is not null)
            {
                sorted.Add(match);
                items.Remove(match);
            }
        }

        sorted.AddRange(items);
        list.Clear();
        foreach (var item in sorted)
        {
            list.Add(item?.DeepClone());
        }
    }
}
