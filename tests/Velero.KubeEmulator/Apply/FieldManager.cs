using System.Text.Json.Nodes;
using Velero.KubeEmulator.Api;
using Velero.KubeEmulator.Patching;

namespace Velero.KubeEmulator.Apply;

/// <summary>
/// Keeps metadata.managedFields as kube-apiserver does: updates give the fields they changed to their manager,
/// server-side apply owns exactly what was applied, removes what the manager stopped applying and answers 409
/// when another manager owns a field with a different value, unless forced.
/// </summary>
internal static class FieldManager
{
    /// <summary>Records a create, update or patch by manager (operation Update).</summary>
    public static void RecordUpdate(JsonObject? oldObj, JsonObject newObj, string manager, string apiVersion,
        string? subresource, bool trackStatus, string now)
    {
        var statusOnly = subresource == "status";
        if (oldObj is null)
        {
            // A create: the manager owns every field set. Built straight into the tree (the hot path of CREATE).
            ManagedFieldsEntry.WriteSingle(newObj, manager, apiVersion, now, FieldPaths.TreeOf(newObj, trackStatus, statusOnly));
            return;
        }

        var entries = ManagedFieldsEntry.Read(oldObj);
        var before = FieldPaths.Of(oldObj, trackStatus, statusOnly);
        var after = FieldPaths.Of(newObj, trackStatus, statusOnly);
        var changed = after.Where(p => !before.Contains(p) || !SameValue(oldObj, newObj, p)).ToHashSet(StringComparer.Ordinal);
        var removed = before.Where(p => !after.Contains(p)).ToHashSet(StringComparer.Ordinal);
        if (changed.Count == 0 && removed.Count == 0)
        {
            ManagedFieldsEntry.Write(newObj, entries);
            return;
        }

        var mine = entries.FirstOrDefault(e => e.SameOwner(manager, "Update", subresource));
        if (mine is null)
        {
            mine = new ManagedFieldsEntry { Manager = manager, Operation = "Update", ApiVersion = apiVersion, Subresource = subresource };
            entries.Add(mine);
        }

        foreach (var entry in entries)
        {
            entry.Fields.ExceptWith(removed);
            if (entry != mine && changed.Count > 0)
            {
                entry.Fields.ExceptWith(changed);
            }
        }

        mine.Fields.UnionWith(changed);
        mine.Time = now;
        mine.ApiVersion = apiVersion;
        ManagedFieldsEntry.Write(newObj, entries);
    }

    /// <summary>Merges an applied configuration into live (a copy of the current object, or a new one).</summary>
    public static JsonObject Apply(JsonObject? live, JsonObject applied, string manager, string apiVersion,
        string? subresource, bool force, bool trackStatus, string now)
    {
        var statusOnly = subresource == "status";
        var result = live is null ? new JsonObject() : (JsonObject)live.DeepClone();
        var entries = live is null ? [] : ManagedFieldsEntry.Read(live);
        var wanted = FieldPaths.Of(applied, trackStatus || statusOnly, statusOnly);
        var mine = entries.FirstOrDefault(e => e.SameOwner(manager, "Apply", subresource));

        var conflicts = new List<(string Manager, string ApiVersion, string Path)>();
        foreach (var other in entries.Where(e => e != mine))
        {
            foreach (var path in other.Fields.Where(wanted.Contains).ToList())
            {
                var liveValue = FieldPaths.Resolve(result, path, out _);
                var appliedValue = FieldPaths.Resolve(applied, path, out _);
                if (liveValue is JsonObject || JsonNode.DeepEquals(liveValue, appliedValue))
                {
                    continue;
                }

                if (force)
                {
                    other.Fields.Remove(path);
                }
                else
                {
                    conflicts.Add((other.Manager, other.ApiVersion, path));
                }
            }
        }

        if (conflicts.Count > 0)
        {
            throw Conflict(conflicts);
        }

        if (mine is not null)
        {
            var others = entries.Where(e => e != mine).SelectMany(e => e.Fields).ToHashSet(StringComparer.Ordinal);
            foreach (var path in mine.Fields.Where(p => !wanted.Contains(p) && !others.Contains(p))
                .OrderByDescending(p => p.Length))
            {
                FieldPaths.Remove(result, path);
            }
        }
        else
        {
            mine = new ManagedFieldsEntry { Manager = manager, Operation = "Apply", ApiVersion = apiVersion, Subresource = subresource };
            entries.Add(mine);
        }

        MergeInto(result, applied);
        mine.Fields = wanted;
        mine.Time = now;
        mine.ApiVersion = apiVersion;
        ManagedFieldsEntry.Write(result, entries);
        return result;
    }

    private static bool SameValue(JsonObject? a, JsonObject b, string path) =>
        JsonNode.DeepEquals(FieldPaths.Resolve(a, path, out _), FieldPaths.Resolve(b, path, out _));

    /// <summary>Apply merges maps and keyed lists; other lists and scalars are replaced.</summary>
    private static void MergeInto(JsonObject target, JsonObject applied)
    {
        foreach (var (key, value) in applied)
        {
            switch (value)
            {
                case JsonObject map when target[key] is JsonObject existing:
                    MergeInto(existing, map);
                    break;
                case JsonArray list when target[key] is JsonArray existing
                    && PatchKeys.MergeKey(key, existing, list) is { } mergeKey
                    && list.All(i => i is JsonObject o && o.ContainsKey(mergeKey)):
                    foreach (var item in list.OfType<JsonObject>())
                    {
                        var match = existing.OfType<JsonObject>().FirstOrDefault(e => JsonNode.DeepEquals(e[mergeKey], item[mergeKey]));
                        if (match is null)
                        {
                            existing.Add(item.DeepClone());
                        }
                        else
                        {
                            MergeInto(match, item);
                        }
                    }

                    break;
                case JsonArray list when target[key] is JsonArray existing && PatchKeys.IsMergedPrimitiveList(key):
                    foreach (var item in list.Where(i => !existing.Any(e => JsonNode.DeepEquals(e, i))))
                    {
                        existing.Add(item?.DeepClone());
                    }

                    break;
                default:
                    target[key] = value?.DeepClone();
                    break;
            }
        }
    }

    private static ApiException Conflict(List<(string Manager, string ApiVersion, string Path)> conflicts)
    {
        var lines = conflicts.Select(c => $"conflict with \"{c.Manager}\" using {c.ApiVersion}: {FieldPaths.Display(c.Path)}").ToList();
        var message = conflicts.Count == 1
            ? $"Apply failed with 1 conflict: {lines[0]}"
            : $"Apply failed with {conflicts.Count} conflicts: {string.Join("\n", lines)}";
        var details = new JsonObject
        {
            ["causes"] = new JsonArray([.. conflicts.Select(c => (JsonNode)new JsonObject
            {
                ["reason"] = "FieldManagerConflict",
                ["message"] = $"conflict with \"{c.Manager}\" using {c.ApiVersion}",
                ["field"] = FieldPaths.Display(c.Path),
            })]),
        };
        return new ApiException(409, "Conflict", message, details);
    }
}
