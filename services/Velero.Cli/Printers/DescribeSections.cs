using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Velero.Api.V1;

namespace Velero.Cli.Printers;

/// <summary>Sections backups and restores describe alike: results, resource lists, item operations, pod volumes.</summary>
internal static class DescribeSections
{
    /// <summary>Upstream's describeResult: Velero, Cluster, then each namespace.</summary>
    public static void Result(Describer d, string name, JsonNode? result)
    {
        d.Printf($"{name}:\n");
        d.DescribeSlice(1, "Velero", Strings(result?["velero"]));
        d.DescribeSlice(1, "Cluster", Strings(result?["cluster"]));
        if (result?["namespaces"] is not JsonObject { Count: > 0 } namespaces)
        {
            d.Printf("\tNamespaces: <none>\n");
            return;
        }

        d.Printf("\tNamespaces:\n");
        foreach (var (ns, items) in namespaces.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            d.DescribeSlice(2, ns, Strings(items));
        }
    }

    /// <summary>Warnings then errors, as far as the status counts them; the file missing or unreadable as upstream words it.</summary>
    public static void Results(Describer d, DescribeFile file, int warnings, int errors, bool countsWhenMissing)
    {
        if (warnings == 0 && errors == 0)
        {
            return;
        }

        if (file.NotFound && countsWhenMissing)
        {
            d.Printf($"Errors:\t{errors}\n");
            d.Printf($"Warnings:\t{warnings}\n");
            return;
        }

        if (!file.Found)
        {
            d.Printf($"Warnings:\t<error getting warnings: {file.Error}>\n\nErrors:\t<error getting errors: {file.Error}>\n");
            return;
        }

        JsonNode? map;
        try
        {
            map = JsonNode.Parse(file.Text!);
        }
        catch (JsonException e)
        {
            d.Printf($"Warnings:\t<error decoding warnings: {e.Message}>\n\nErrors:\t<error decoding errors: {e.Message}>\n");
            return;
        }

        if (warnings > 0)
        {
            d.Println();
            Result(d, "Warnings", map?["warnings"]);
        }

        if (errors > 0)
        {
            d.Println();
            Result(d, "Errors", map?["errors"]);
        }
    }

    /// <summary>The <c>--details</c> resource list: group-version-kinds sorted, their items one per line.</summary>
    public static void ResourceList(Describer d, DescribeFile file, string owner)
    {
        if (!file.Found)
        {
            d.Printf(file.NotFound
                ? $"Resource List:\t<{owner} resource list not found>\n"
                : $"Resource List:\t<error getting {owner} resource list: {file.Error}>\n");
            return;
        }

        Dictionary<string, List<string>>? list;
        try
        {
            list = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(file.Text!);
        }
        catch (JsonException e)
        {
            d.Printf($"Resource List:\t<error reading {owner} resource list: {e.Message}>\n");
            return;
        }

        d.Println("Resource List:");
        foreach (var (gvk, items) in (list ?? []).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            d.Printf($"\t{gvk}:\n\t\t- {string.Join("\n\t\t- ", items)}\n");
        }
    }

    /// <summary>One backup or restore item operation (itemoperation.BackupOperation / RestoreOperation).</summary>
    public static void ItemOperation(Describer d, JsonNode operation, string pluginLabel, string pluginField, bool withPostItems)
    {
        var spec = operation["spec"];
        var status = operation["status"];
        var id = spec?["resourceIdentifier"];
        d.Printf($"\tOperation for {GroupResource(id)} {Text(id?["Namespace"])}/{Text(id?["Name"])}:\n");
        d.Printf($"\t\t{pluginLabel}:\t{Text(spec?[pluginField])}\n");
        d.Printf($"\t\tOperation ID:\t{Text(spec?["operationID"])}\n");
        if (withPostItems && spec?["postOperationItems"] is JsonArray { Count: > 0 } items)
        {
            d.Printf("\t\tItems to Update:\n");
            foreach (var item in items)
            {
                d.Printf($"\t\t\t{GroupResource(item)} {Text(item?["Namespace"])}/{Text(item?["Name"])}\n");
            }
        }

        d.Printf($"\t\tPhase:\t{Text(status?["phase"])}\n");
        if (Text(status?["error"]) is { Length: > 0 } error)
        {
            d.Printf($"\t\tOperation Error:\t{error}\n");
        }

        var total = status?["nTotal"]?.GetValue<long>() ?? 0;
        var completed = status?["nCompleted"]?.GetValue<long>() ?? 0;
        if (total > 0 || completed > 0)
        {
            d.Printf($"\t\tProgress:\t{completed} of {total} complete ({Text(status?["operationUnits"])})\n");
        }

        if (Text(status?["description"]) is { Length: > 0 } description)
        {
            d.Printf($"\t\tProgress description:\t{description}\n");
        }

        foreach (var (field, label) in new[] { ("created", "Created"), ("started", "Started"), ("updated", "Updated") })
        {
            if (status?[field] is { } time && DateTime.TryParse(time.GetValue<string>(), null,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            {
                d.Printf($"\t\t{label}:\t{d.Time(at)}\n");
            }
        }
    }

    /// <summary>Pod volume backups or restores grouped by phase in upstream's order; with details, by pod.</summary>
    public static void PodVolumes(Describer d, string indent, IEnumerable<(string Phase, string Pod, string Volume, DataMoveOperationProgress? Progress, long IncrementalBytes)> volumes,
        IReadOnlyList<string> phaseOrder, bool details)
    {
        var byPhase = volumes.GroupBy(v => v.Phase).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var phase in phaseOrder)
        {
            if (!byPhase.TryGetValue(phase, out var inPhase))
            {
                continue;
            }

            if (!details)
            {
                d.Printf($"{indent}{phase}:\t{inPhase.Count}\n");
                continue;
            }

            d.Printf($"{indent}{phase}:\n");
            foreach (var pod in inPhase.GroupBy(v => v.Pod).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var names = pod.Select(v => VolumeLabel(phase, v.Volume, v.Progress, v.IncrementalBytes)).Order(StringComparer.Ordinal);
                d.Printf($"{indent}\t{pod.Key}: {string.Join(", ", names)}\n");
            }
        }
    }

    /// <summary>Upstream's phase grouping: InProgress reads "In Progress", no phase counts as New.</summary>
    public static string PhaseGroup(string? phase) => phase switch
    {
        null or "" => "New",
        "InProgress" => "In Progress",
        _ => phase,
    };

    private static string VolumeLabel(string phase, string volume, DataMoveOperationProgress? progress, long incremental)
    {
        var total = progress?.TotalBytes ?? 0;
        var done = progress?.BytesDone ?? 0;
        return phase switch
        {
            "In Progress" when total != 0 => string.Create(CultureInfo.InvariantCulture, $"{volume} ({(double)done / total * 100:0.00}%)"),
            "Completed" when incremental > 0 => $"{volume} (size: {total}, incremental size: {incremental})",
            "Completed" when total > 0 => $"{volume} (size: {total})",
            _ => volume,
        };
    }

    public static IList<string>? Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(i => i?.GetValue<string>() ?? "")] : null;

    public static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "";

    private static string GroupResource(JsonNode? id)
    {
        var group = Text(id?["Group"]);
        var resource = Text(id?["Resource"]);
        return group.Length == 0 ? resource : $"{resource}.{group}";
    }
}
