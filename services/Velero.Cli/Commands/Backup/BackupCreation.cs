using System.Globalization;
using k8s.Models;
using Velero.Api;
using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Cli.Output;
using Velero.Cli.Printers;
using Velero.Cli.Progress;
using Velero.Cli.Resources;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Commands.Backup;

/// <summary>One run of <c>backup create</c>: upstream's Complete, Validate and Run, in that order.</summary>
internal sealed class BackupCreation(CommandContext ctx, BackupSpecFlags o, OutputFlags output, Flag<string> fromScheduleFlag, bool wait)
{
    public async Task<int> RunAsync()
    {
        var format = output.Format;
        o.ParseSelectors();

        var fromSchedule = fromScheduleFlag.Value.Trim();
        if (fromScheduleFlag.Changed && fromSchedule.Length == 0)
        {
            throw new CliException("flag must have a non-empty value: --from-schedule");
        }

        var name = ctx.Args.Count > 0 ? ctx.Args[0] : "";
        if (fromSchedule.Length == 0 && ctx.Args.Count != 1)
        {
            throw new CliException("a backup name is required, unless you are creating based on a schedule");
        }

        await o.ValidateAsync(ctx);

        var backup = fromSchedule.Length > 0
            ? await FromScheduleAsync(fromSchedule, name)
            : Build(name);
        AddMetadata(backup);

        if (output.Requested)
        {
            await PrintAsync(backup, format);
            return 0;
        }

        if (fromSchedule.Length > 0)
        {
            await ctx.Out.WriteLineAsync("Creating backup from schedule, all other filters are ignored.");
        }

        await new CustomResourceClient<Api.V1.Backup>(ctx.Kube()).CreateAsync(backup, ctx.CancellationToken);
        var created = backup.Metadata.Name;
        await ctx.Out.WriteLineAsync($"Backup request \"{created}\" submitted successfully.");
        if (wait)
        {
            await new ProgressWaiter<Api.V1.Backup>(ctx, "backup", BackupProgress).WaitAsync(created);
            return 0;
        }

        await ctx.Out.WriteLineAsync($"Run `velero backup describe {created}` or `velero backup logs {created}` for more details.");
        return 0;
    }

    public static ProgressState BackupProgress(Api.V1.Backup backup)
    {
        var phase = string.IsNullOrEmpty(backup.Status?.Phase) ? BackupPhase.New : backup.Status.Phase;
        var finished = phase is BackupPhase.FailedValidation or BackupPhase.Completed or BackupPhase.PartiallyFailed or BackupPhase.Failed;
        return new ProgressState(phase, backup.Status?.Progress?.ItemsBackedUp ?? 0, backup.Status?.Progress?.TotalItems ?? 0, finished);
    }

    private Api.V1.Backup Build(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ctx.Namespace },
        Spec = o.BuildSpec(),
        Status = new BackupStatus(),
    };

    /// <summary>Upstream's builder FromSchedule: the template, the schedule's labels plus its name label, and an owner reference when asked.</summary>
    private async Task<Api.V1.Backup> FromScheduleAsync(string scheduleName, string name)
    {
        var schedule = await new ResourceSet<Api.V1.Schedule>(ctx).GetAsync(scheduleName);
        if (name.Length == 0)
        {
            name = $"{schedule.Metadata.Name}-{ctx.Time.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
        }

        var labels = new Dictionary<string, string>(schedule.Metadata.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [WellKnown.ScheduleNameLabel] = schedule.Metadata.Name,
        };
        var backup = new Api.V1.Backup
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ctx.Namespace, Labels = labels },
            Spec = schedule.Spec.Template ?? new BackupSpec(),
            Status = new BackupStatus(),
        };
        if (schedule.Spec.UseOwnerReferencesInBackup == true)
        {
            backup.Metadata.OwnerReferences =
            [
                new V1OwnerReference
                {
                    ApiVersion = WellKnown.V1ApiVersion, Kind = Api.V1.Schedule.KubeKind, Name = schedule.Metadata.Name,
                    Uid = schedule.Metadata.Uid, Controller = true,
                },
            ];
        }

        return backup;
    }

    private void AddMetadata(Api.V1.Backup backup)
    {
        if (o.Labels.Value.Count > 0)
        {
            backup.Metadata.Labels ??= new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in o.Labels.Value)
            {
                backup.Metadata.Labels[key] = value;
            }
        }

        if (o.Annotations.Value.Count > 0)
        {
            backup.Metadata.Annotations = new Dictionary<string, string>(o.Annotations.Value, StringComparer.Ordinal);
        }
    }

    private async Task PrintAsync(Api.V1.Backup backup, OutputFormat format)
    {
        if (format == OutputFormat.Table)
        {
            await ctx.Out.WriteAsync(BackupTable.Render([backup], output, ctx.Time.GetUtcNow(), ctx.Env.TimeZone));
            return;
        }

        await ObjectPrinter.PrintAsync(ctx.Out, format, backup);
    }
}
