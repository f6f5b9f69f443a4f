using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Velero.Cli.Output;
using Velero.Scheduler.Catalog;

namespace Velero.Cli.Printers;

/// <summary>
/// <c>velero catalog backups</c>: CLUSTER NAME STATUS SIZE ITEMS STORAGE LOCATION CREATED EXPIRES ORIGIN, in the
/// catalog's order (cluster, then name); or the rows themselves with <c>-o json|yaml</c>.
/// </summary>
internal static class CatalogBackupTable
{
    private static readonly string[] Headers =
        ["CLUSTER", "NAME", "STATUS", "SIZE", "ITEMS", "STORAGE LOCATION", "CREATED", "EXPIRES", "ORIGIN"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(IEnumerable<CatalogBackup> backups, DateTimeOffset now, TimeZoneInfo zone)
    {
        var table = new TableWriter(Headers);
        foreach (var backup in backups)
        {
            table.AddRow(
                backup.Cluster,
                backup.Name,
                backup.DeletedAt is null ? backup.Phase : $"{backup.Phase} (deleted)",
                Size(backup.SizeBytes),
                Items(backup),
                backup.StorageLocation ?? "",
                Humanize.GoTime(backup.CreatedAt, zone),
                Humanize.FromNow(backup.Expiration, now),
                backup.Origin);
        }

        return table.Render();
    }

    /// <summary>The rows as a JSON array, or YAML: what scripts read.</summary>
    public static string Encode(IReadOnlyList<CatalogBackup> backups, OutputFormat format)
    {
        var node = JsonSerializer.SerializeToNode(backups, Json)!;
        return format == OutputFormat.Yaml ? YamlEmitter.Emit(node) : node.ToJsonString(Indented) + "\n";
    }

    /// <summary>Bytes in binary units, one decimal: <c>512 B</c>, <c>1.5 KiB</c>, <c>23.0 MiB</c>.</summary>
    public static string Size(long? bytes)
    {
        if (bytes is not { } value)
        {
            return "";
        }

        string[] units = ["KiB", "MiB", "GiB", "TiB"];
        if (value < 1024)
        {
            return $"{value} B";
        }

        var scaled = (double)value;
        var unit = -1;
        while (scaled >= 1024 && unit < units.Length - 1)
        {
            scaled /= 1024;
            unit++;
        }

        return scaled.ToString("0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    private static string Items(CatalogBackup backup) => (backup.ItemsBackedUp, backup.ItemsTotal) switch
    {
        (null, null) => "",
        (var done, var total) => $"{done ?? 0}/{total ?? done ?? 0}",
    };
}
