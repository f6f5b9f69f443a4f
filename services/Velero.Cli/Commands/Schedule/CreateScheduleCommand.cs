using k8s.Models;
using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Cli.Commands.Backup;
using Velero.Cli.Output;
using Velero.Cli.Printers;
using Velero.Kubernetes.Resources;
using Velero.Selection.Schedules;

namespace Velero.Cli.Commands.Schedule;

/// <summary>
/// <c>velero schedule create NAME --schedule CRON</c> with backup create's template flags. Unlike upstream, which
/// leaves a bad expression for the server to mark FailedValidation, the schedule is checked here first.
/// </summary>
internal static class CreateScheduleCommand
{
    public static Command Create()
    {
        var command = new Command("create NAME --schedule", "Create a schedule")
        {
            Long = """
                The --schedule flag is required, in cron notation, using UTC time:

                | Character Position | Character Period | Acceptable Values |
                | -------------------|:----------------:| -----------------:|
                | 1                  | Minute           | 0-59,*            |
                | 2                  | Hour             | 0-23,*            |
                | 3                  | Day of Month     | 1-31,*            |
                | 4                  | Month            | 1-12,*            |
                | 5                  | Day of Week      | 0-6,*             |

                The schedule can also be expressed using "@every <duration>" syntax. The duration
                can be specified using a combination of seconds (s), minutes (m), and hours (h), for
                example: "@every 2h30m".
                """,
            Example = """
                  # Create a backup every 6 hours.
                  velero create schedule NAME --schedule="0 */6 * * *"

                  # Create a backup every 6 hours with the @every notation.
                  velero create schedule NAME --schedule="@every 6h"

                  # Create a daily backup of the web namespace.
                  velero create schedule NAME --schedule="@every 24h" --include-namespaces web

                  # Create a weekly backup, each living for 90 days (2160 hours).
                  velero create schedule NAME --schedule="@every 168h" --ttl 2160h0m0s

                  # Create a nightly backup in Berlin time, keeping 7 daily, 4 weekly and 12 monthly ones.
                  velero create schedule NAME --schedule="CRON_TZ=Europe/Berlin 0 1 * * *" --ttl 9000h --keep-daily 7 --keep-weekly 4 --keep-monthly 12
                """,
            Args = ArgsRule.Exactly(1),
        };
        var template = BackupSpecFlags.Bind(command);
        var skipImmediately = SkipImmediatelyFlag.Bind(command);
        var schedule = command.Flags.String("schedule", null, "", "A cron expression specifying a recurring schedule for this backup to run");
        var useOwnerReferences = command.Flags.Bool("use-owner-references-in-backup", null, false, "Specifies whether to use OwnerReferences on backups created by this Schedule. Notice: if set to true, when schedule is deleted, backups will be deleted too.");
        var retention = RetentionFlags.Bind(command);
        var paused = command.Flags.Bool("paused", null, false, "Specifies whether the newly created schedule is paused or not.");
        var output = OutputFlags.Bind(command);
        command.Run = async ctx =>
        {
            var format = output.Format;
            if (schedule.Value.Length == 0)
            {
                throw new CliException("--schedule is required");
            }

            if (!CronSchedule.TryParse(schedule.Value, out _, out var problem))
            {
                throw new CliException($"invalid schedule \"{schedule.Value}\": {problem.Explanation}");
            }

            var retentionAnnotations = retention.Annotations();
            template.ParseSelectors();
            await template.ValidateAsync(ctx);
            var created = new Api.V1.Schedule
            {
                Metadata = new V1ObjectMeta
                {
                    Name = ctx.Args[0],
                    NamespaceProperty = ctx.Namespace,
                    Labels = template.Labels.Value.Count > 0 ? new Dictionary<string, string>(template.Labels.Value) : null,
                    Annotations = retentionAnnotations.Count > 0 ? new Dictionary<string, string>(retentionAnnotations) : null,
                },
                Spec = new ScheduleSpec
                {
                    Template = template.BuildSpec(),
                    Schedule = schedule.Value,
                    UseOwnerReferencesInBackup = useOwnerReferences.Value,
                    Paused = paused.Value ? true : null,
                    SkipImmediately = skipImmediately.Value,
                },
                Status = new ScheduleStatus(),
            };
            if (output.Requested)
            {
                if (format == OutputFormat.Table)
                {
                    await ScheduleTable.WriteAsync(ctx, [created], output);
                }
                else
                {
                    await ObjectPrinter.PrintAsync(ctx.Out, format, created);
                }

                return 0;
            }

            created.Status = null;
            await new CustomResourceClient<Api.V1.Schedule>(ctx.Kube()).CreateAsync(created, ctx.CancellationToken);
            await ctx.Out.WriteLineAsync($"Schedule \"{created.Metadata.Name}\" created successfully.");
            return 0;
        };
        return command;
    }
}
