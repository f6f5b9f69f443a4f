using Velero.Api.V1;
using Velero.Cli.Output;

namespace Velero.Cli.Printers;

/// <summary>
/// Upstream's restore table (pkg/cmd/util/output/restore_printer.go): NAME BACKUP STATUS STARTED COMPLETED ERRORS
/// WARNINGS CREATED SELECTOR, in the API server's order; a restore being deleted shows <c>(Deleting)</c> after its phase.
/// </summary>
internal static class RestoreTable
{
    private static readonly string[] Headers =
        ["NAME", "BACKUP", "STATUS", "STARTED", "COMPLETED", "ERRORS", "WARNINGS", "CREATED", "SELECTOR"];

    public static string Render(IEnumerable<Restore> restores, OutputFlags flags, TimeZoneInfo zone)
    {
        var table = new TableWriter(Headers);
        foreach (var restore in restores)
        {
            table.AddRow(restore.Metadata.Labels?.AsReadOnly(), flags, Row(restore, zone));
        }

        return table.Render(flags);
    }

    public static string[] Row(Restore restore, TimeZoneInfo zone)
    {
        var status = restore.Status;
        return
        [
            restore.Metadata.Name,
            restore.Spec.BackupName ?? "",
            string.IsNullOrEmpty(status?.Phase) ? RestorePhase.New : status.Phase,
            Humanize.GoTime(status?.StartTimestamp, zone),
            Humanize.GoTime(status?.CompletionTimestamp, zone),
            Describer.Int(status?.Errors),
            Describer.Int(status?.Warnings),
            Humanize.GoTime((DateTime?)(restore.Metadata.CreationTimestamp ?? DateTime.MinValue), zone),
            Describer.Selector(restore.Spec.LabelSelector),
        ];
    }

    /// <summary>Upstream's get appends <c> (Deleting)</c> to the phase of a restore being deleted, in every format.</summary>
    public static void MarkDeleting(IEnumerable<Restore> restores)
    {
        foreach (var restore in restores.Where(r => r.Metadata.DeletionTimestamp is not null))
        {
            restore.Status ??= new RestoreStatus();
            restore.Status.Phase += " (Deleting)";
        }
    }
}
