using System.Globalization;
using k8s.Models;
using Velero.Api;
using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Cli.Commands.Shared;
using Velero.Cli.Output;
using Velero.Cli.Printers;
using Velero.Cli.Progress;
using Velero.Cli.Resources;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Commands.Restore;

/// <summary>One run of <c>restore create</c>: upstream's Complete, Validate and Run.</summary>
internal sealed class RestoreCreation(CommandContext ctx, RestoreOptions o, OutputFlags output)
{
    public async Task<int> RunAsync()
    {
        var selector = SelectorFlag.Parse(o.Selector);
        var orSelectors = SelectorFlag.ParseOr(o.OrSelector);
        var mappings = SelectorFlag.ParseMappings(o.NamespaceMappings);
        var backupName = o.FromBackup.Value;
        var scheduleName = o.FromSchedule.Value;
        var name = ctx.Args.Count == 1
            ? ctx.Args[0]
            : $"{(scheduleName.Length > 0 ? scheduleName : backupName)}-{TimeZoneInfo.ConvertTime(ctx.Time.GetUtcNow(), ctx.Env.TimeZone).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";

        if ((backupName.Length > 0) == (scheduleName.Length > 0))
        {
            throw new CliException("either a backup or schedule must be specified, but not both");
        }

        var format = output.Format;
        if (selector is not null && orSelectors is not null)
        {
            throw new CliException("either a 'selector' or an 'or-selector' can be specified, but not both");
        }

        if (o.ExistingResourcePolicy.Value.Length > 0 && o.ExistingResourcePolicy.Value is not ("none" or "update"))
        {
            throw new CliException("existing-resource-policy has invalid value, it accepts only none, update as value");
        }

        if (o.ParallelFilesDownload.Value < 0)
        {
            throw new CliException("parallel-files-download cannot be negative");
        }

        IReadOnlyList<Api.V1.Backup> scheduleBackups = [];
        if (backupName.Length > 0)
        {
            await new ResourceSet<Api.V1.Backup>(ctx).GetAsync(backupName);
        }
        else
        {
            scheduleBackups = await new CustomResourceClient<Api.V1.Backup>(ctx.Kube())
                .ListAsync(ctx.Namespace, $"{WellKnown.ScheduleNameLabel}={scheduleName}", ctx.CancellationToken) is var list
                ? [.. list.Items]
                : [];
            if (scheduleBackups.Count == 0)
            {
                throw new CliException($"No backups found for the schedule {scheduleName}");
            }
        }

        // --allow-partially-failed: restore from the newest Completed or PartiallyFailed backup of the schedule.
        if (scheduleName.Length > 0 && o.AllowPartiallyFailed.Value == true
            && scheduleBackups.OrderByDescending(b => b.Status?.StartTimestamp ?? DateTime.MinValue)
                .FirstOrDefault(b => b.Status?.Phase is BackupPhase.Completed or BackupPhase.PartiallyFailed) is { } newest)
        {
            backupName = newest.Metadata.Name;
            scheduleName = "";
        }

        var restore = Build(name, backupName, scheduleName, mappings, selector, orSelectors);
        if (output.Requested)
        {
            if (format == OutputFormat.Table)
            {
                await ctx.Out.WriteAsync(RestoreTable.Render([restore], output, ctx.Env.TimeZone));
            }
            else
            {
                await ObjectPrinter.PrintAsync(ctx.Out, format, restore);
            }

            return 0;
        }

        await new CustomResourceClient<Api.V1.Restore>(ctx.Kube()).CreateAsync(restore, ctx.CancellationToken);
        await ctx.Out.WriteLineAsync($"Restore request \"{name}\" submitted successfully.");
        if (o.Wait.Value)
        {
            await new ProgressWaiter<Api.V1.Restore>(ctx, "restore", RestoreProgress).WaitAsync(name);
            return 0;
        }

        await ctx.Out.WriteLineAsync($"Run `velero restore describe {name}` or `velero restore logs {name}` for more details.");
        return 0;
    }

    public static ProgressState RestoreProgress(Api.V1.Restore restore)
    {
        var phase = string.IsNullOrEmpty(restore.Status?.Phase) ? RestorePhase.New : restore.Status.Phase;
        var finished = phase is RestorePhase.FailedValidation or RestorePhase.Completed or RestorePhase.PartiallyFailed or RestorePhase.Failed;
        return new ProgressState(phase, restore.Status?.Progress?.ItemsRestored ?? 0, restore.Status?.Progress?.TotalItems ?? 0, finished);
    }

    private Api.V1.Restore Build(string name, string backupName, string scheduleName, Dictionary<string, string> mappings,
        V1LabelSelector? selector, IList<V1LabelSelector>? orSelectors)
    {
        var spec = new RestoreSpec
        {
            BackupName = backupName.Length > 0 ? backupName : null,
            ScheduleName = scheduleName.Length > 0 ? scheduleName : null,
            IncludedNamespaces = List(o.IncludeNamespaces.Value),
            ExcludedNamespaces = List(o.ExcludeNamespaces.Value),
            IncludedResources = List(o.IncludeResources.Value),
            ExcludedResources = List(o.ExcludeResources.Value),
            ExistingResourcePolicy = o.ExistingResourcePolicy.Value.Length > 0 ? o.ExistingResourcePolicy.Value : null,
            NamespaceMapping = mappings.Count > 0 ? mappings : null,
            LabelSelector = selector,
            OrLabelSelectors = orSelectors,
            RestorePVs = o.RestoreVolumes.Value,
            PreserveNodePorts = o.PreserveNodePorts.Value,
            IncludeClusterResources = o.IncludeClusterResources.Value,
            ItemOperationTimeout = GoDuration.Format(o.ItemOperationTimeout.Value),
            Hooks = new RestoreHooks(),
            // Upstream always sends an uploader config, empty unless these flags are set.
            UploaderConfig = new UploaderConfigForRestore
            {
                WriteSparseFiles = o.WriteSparseFiles.Value,
                ParallelFilesDownload = o.ParallelFilesDownload.Value > 0 ? o.ParallelFilesDownload.Value : null,
            },
        };
        if (o.ResourceModifierConfigMap.Value.Length > 0)
        {
            spec.ResourceModifier = new V1TypedLocalObjectReference { ApiGroup = "", Kind = "configmap", Name = o.ResourceModifierConfigMap.Value };
        }

        if (o.StatusIncludeResources.Value.Count > 0)
        {
            spec.RestoreStatus = new RestoreStatusSpec
            {
                IncludedResources = List(o.StatusIncludeResources.Value),
                ExcludedResources = List(o.StatusExcludeResources.Value),
            };
        }

        return new Api.V1.Restore
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = ctx.Namespace,
                Labels = o.Labels.Value.Count > 0 ? new Dictionary<string, string>(o.Labels.Value, StringComparer.Ordinal) : null,
                Annotations = o.Annotations.Value.Count > 0 ? new Dictionary<string, string>(o.Annotations.Value, StringComparer.Ordinal) : null,
            },
            Spec = spec,
            Status = new RestoreStatus(),
        };
    }

    private static List<string>? List(IReadOnlyList<string> values) => values.Count == 0 ? null : [.. values];
}
