using System.Text.Json.Nodes;

namespace Velero.ResourceModifiers.Patching;

/// <summary>
/// Strategic merge patch as <c>k8s.io/apimachinery/pkg/util/strategicpatch</c> applies it to built-in types: maps merge,
/// <c>null</c> removes, lists with a merge key (<see cref="PatchMergeKeys"/>) merge element by element, other lists are
/// replaced. Directives: <c>$patch: replace</c> and <c>$patch: delete</c> on maps and list elements, <c>{$patch: replace}</c>
/// in a list, <c>$retainKeys</c>, <c>$deleteFromPrimitiveList/&lt;list&gt;</c>; <c>$setElementOrder/&lt;list&gt;</c> is
/// accepted and the order of the merged list kept as it comes out of the merge.
/// </summary>
internal static class StrategicMergePatch
{
    private const string Directive = "$patch";
    private const string RetainKeys = "$retainKeys";
    private const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList/";
    private const string SetElementOrder = "$setElementOrder/";

    public static JsonObject Apply(JsonObject original, JsonObject patch, string kind) =>
        MergeMap((JsonObject)original.DeepClone(), patch, kind, []) ?? [];

    /// <summary>The merged map, or null when the patch deletes it.</summary>
    private static JsonObject? MergeMap(JsonObject original, JsonObject patch, string kind, List<string> path)
    {
        switch ((string?)patch[Directive])
        {
            case "replace":
                return (JsonObject)Clean(patch);
            case "delete":
                return null;
            case null or "merge":
                break;
            default:
                throw new InvalidOperationException($"Unable to find api field in struct ... for the json field \"{Directive}\"; unknown patch type: {patch[Directive]}");
        }

        if (patch[RetainKeys] is JsonArray retain)
        {
            var keep = retain.Select(key => (string?)key).ToHashSet();
            foreach (var key in original.Select(entry => entry.Key).Where(key => !keep.Contains(key)).ToList())
            {
                original.Remove(key);
            }
        }

        foreach (var (key, value) in patch)
        {
            if (key == Directive || key == RetainKeys || key.StartsWith(SetElementOrder, StringComparison.Ordinal))
            {
                continue;
            }

            if (key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal))
            {
                var list = key[DeleteFromPrimitiveList.Length..];
                if (original[list] is JsonArray values && value is JsonArray deleted)
                {
                    for (var i = values.Count - 1; i >= 0; i--)
                    {
                        if (deleted.Any(d => JsonValues.AreEqual(d, values[i])))
                        {
                            values.RemoveAt(i);
                        }
                    }
                }

                continue;
            }

            if (JsonValues.IsNull(value))
            {
                original.Remove(key);
                continue;
            }

            path.Add(key);
            JsonNode? merged = (original[key], value) switch
            {
                (JsonObject currentMap, JsonObject patchMap) => MergeMap(currentMap, patchMap, kind, path),
                (_, JsonObject patchMap) => MergeMap([], patchMap, kind, path),
                (JsonArray currentList, JsonArray patchList) => MergeList(currentList, patchList, kind, path),
                (_, JsonArray patchList) => MergeList([], patchList, kind, path),
                _ => value!.DeepClone(),
            };
            if (merged is null)
            {
                original.Remove(key);
            }
            else
            {
                original[key] = merged;
            }

            path.RemoveAt(path.Count - 1);
        }

        return original;
    }

    private static JsonArray MergeList(JsonArray original, JsonArray patch, string kind, List<string> path)
    {
        if (patch.Any(element => element is JsonObject map && map.Count == 1 && (string?)map[Directive] == "replace"))
        {
            return new JsonArray(patch.Where(element => !(element is JsonObject map && map.ContainsKey(Directive))).Select(element => Clean(element!)).ToArray());
        }

        var mergeKey = PatchMergeKeys.For(kind, path);
        if (mergeKey is null)
        {
            return new JsonArray(patch.Select(element => element is null ? null : Clean(element)).ToArray());
        }

        var result = (JsonArray)original.DeepClone();
        if (mergeKey.Length == 0)
        {
            foreach (var element in patch)
            {
                if (!result.Any(existing => JsonValues.AreEqual(existing, element)))
                {
                    result.Add(element?.DeepClone());
                }
            }

            return result;
        }

        foreach (var element in patch)
        {
            if (element is not JsonObject patchElement)
            {
                throw new InvalidOperationException($"unable to merge {element?.ToJsonString() ?? "null"} into a list merged by the key {mergeKey}");
            }

            if (!patchElement.TryGetPropertyValue(mergeKey, out var keyValue))
            {
                throw new InvalidOperationException($"map: {patchElement.ToJsonString()} does not contain declared merge key: {mergeKey}");
            }

            var index = IndexOf(result, mergeKey, keyValue);
            if ((string?)patchElement[Directive] == "delete")
            {
                while (index >= 0)
                {
                    result.RemoveAt(index);
                    index = IndexOf(result, mergeKey, keyValue);
                }

                continue;
            }

            if (index >= 0)
            {
                result[index] = MergeMap((JsonObject)result[index]!.DeepClone(), patchElement, kind, path);
                if (result[index] is null)
                {
                    result.RemoveAt(index);
                }
            }
            else
            {
                result.Add(Clean(patchElement));
            }
        }

        return result;
    }

    private static int IndexOf(JsonArray list, string mergeKey, JsonNode? keyValue)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is JsonObject element && element.TryGetPropertyValue(mergeKey, out var candidate) && JsonValues.AreEqual(candidate, keyValue))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A value from the patch that lands where the original had nothing: its directives are removed.</summary>
    private static JsonNode Clean(JsonNode value) => value switch
    {
        JsonObject map => new JsonObject(map
            .Where(entry => entry.Key != Directive && entry.Key != RetainKeys
                && !entry.Key.StartsWith(SetElementOrder, StringComparison.Ordinal)
                && !entry.Key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal))
            .Select(entry => KeyValuePair.Create(entry.Key, entry.Value is null ? null : Clean(entry.Value)))),
        JsonArray list => new JsonArray(list
            .Where(element => !(element is JsonObject map && map.ContainsKey(Directive)))
            .Select(element => element is null ? null : Clean(element)).ToArray()),
        _ => value.DeepClone(),
    };
}
