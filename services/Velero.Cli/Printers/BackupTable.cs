using System.Globalization;
using System.Text.RegularExpressions;
using Velero.Api;
using Velero.Api.V1;
using Velero.Cli.Output;

namespace Velero.Cli.Printers;

/// <summary>
/// Upstream 1.18's backup table (pkg/cmd/util/output/backup_printer.go): NAME STATUS ERRORS WARNINGS CREATED EXPIRES
/// STORAGE LOCATION QUEUE POSITION SELECTOR, sorted by name except that backups sharing a prefix before a
/// <c>-yyyyMMddHHmmss</c> suffix (a schedule's) list newest first.
/// </summary>
internal static partial class BackupTable
{
    private static readonly string[] Headers =
        ["NAME", "STATUS", "ERRORS", "WARNINGS", "CREATED", "EXPIRES", "STORAGE LOCATION", "QUEUE POSITION", "SELECTOR"];

    public static string Render(IEnumerable<Backup> backups, OutputFlags flags, DateTimeOffset now, TimeZoneInfo zone)
    {
        var table = new TableWriter(Headers);
        foreach (var backup in Sort(backups))
        {
            table.AddRow(backup.Metadata.Labels?.AsReadOnly(), flags, Row(backup, now, zone));
        }

        return table.Render(flags);
    }

    public static string[] Row(Backup backup, DateTimeOffset now, TimeZoneInfo zone)
    {
        var status = backup.Status;
        DateTimeOffset? expires = status?.Expiration is { } e ? Utc(e) : null;
        if (expires is null && GoDuration.TryParse(backup.Spec.Ttl, out var ttl) && ttl > TimeSpan.Zero)
        {
            expires = Utc(backup.Metadata.CreationTimestamp ?? DateTime.MinValue) + ttl;
        }

        var phase = string.IsNullOrEmpty(status?.Phase) ? BackupPhase.New : status.Phase;
        if (backup.Metadata.DeletionTimestamp is not null)
        {
            phase = "Deleting";
        }

        return
        [
            backup.Metadata.Name,
            phase,
            Describer.Int(status?.Errors),
            Describer.Int(status?.Warnings),
            Humanize.GoTime(status?.StartTimestamp, zone),
            Humanize.FromNow(expires, now),
            backup.Spec.StorageLocation ?? "",
            status?.QueuePosition is > 0 and var p ? p.ToString(CultureInfo.InvariantCulture) : "",
            Describer.Selector(backup.Spec.LabelSelector),
        ];
    }

    /// <summary>Upstream's sortBackupsByPrefixAndTimestamp.</summary>
    public static IReadOnlyList<Backup> Sort(IEnumerable<Backup> backups)
    {
        var list = backups.ToList();
        list.Sort((a, b) => Compare(a.Metadata.Name, b.Metadata.Name));
        return list;
    }

    private static int Compare(string a, string b)
    {
        var sa = TimestampSuffix().Match(a);
        var sb = TimestampSuffix().Match(b);
        if (sa.Success && sb.Success && a[..sa.Index] == b[..sb.Index])
        {
            return string.CompareOrdinal(b[sb.Index..], a[sa.Index..]);
        }

        return string.CompareOrdinal(a, b);
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    [GeneratedRegex("-[0-9]{14}$")]
    private static partial Regex TimestampSuffix();
}
