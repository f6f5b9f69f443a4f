using Velero.Api.V1;

namespace Velero.Cli.Printers;

/// <summary>Upstream's DescribeSchedule (schedule_describer.go), without colours (they only show on a terminal).</summary>
internal static class ScheduleDescriber
{
    public static string Describe(Schedule schedule, TimeZoneInfo zone) => Describer.Describe(zone, d =>
    {
        d.DescribeMetadata(schedule.Metadata);
        d.Println();
        var phase = string.IsNullOrEmpty(schedule.Status?.Phase) ? SchedulePhase.New : schedule.Status.Phase;
        d.Printf($"Phase:\t{phase}\n");

        var template = schedule.Spec.Template ?? new BackupSpec();
        if (template.ResourcePolicy is { } policy)
        {
            d.Println();
            d.Printf("Resource policies:\n");
            d.Printf($"\tType:\t{policy.Kind}\n");
            d.Printf($"\tName:\t{policy.Name}\n");
        }

        if (template.UploaderConfig is { ParallelFilesUpload: > 0 } uploader)
        {
            d.Println();
            d.Printf("Uploader config:\n");
            d.Printf($"\tParallel files upload:\t{uploader.ParallelFilesUpload}\n");
        }

        if (schedule.Status?.ValidationErrors is { Count: > 0 } errors)
        {
            d.Println();
            // Upstream prints the heading without a newline, so the first error shares its line.
            d.Printf("Validation errors:");
            foreach (var error in errors)
            {
                d.Printf($"\t{error}\n");
            }
        }

        d.Println();
        d.Printf($"Paused:\t{(schedule.Spec.Paused == true ? "true" : "false")}\n");
        d.Println();
        d.Printf($"Schedule:\t{schedule.Spec.Schedule}\n");
        d.Println();
        d.Println("Backup Template:");
        d.Prefix = "\t";
        BackupSpecDescriber.Describe(d, template);
        d.Prefix = "";
        d.Println();
        var lastBackup = schedule.Status?.LastBackup is { } last ? d.Time(last) : "<never>";
        d.Printf($"Last Backup:\t{lastBackup}\n");
    });
}
