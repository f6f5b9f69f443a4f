using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Api.V1;
using Velero.Contracts.Clusters;
using Velero.Kubernetes.Clusters;
using Velero.Scheduler.Flow;
using Velero.Selection.Schedules;

namespace Velero.Scheduler.Schedules;

/// <summary>
/// Upstream's schedule controller (spec 6) for every cluster served, one replica per cluster at a time: validates each
/// Schedule (phase, validationErrors), honours skipImmediately, and when one is due and none of its backups is still
/// unfinished, claims the firing in Postgres and creates its Backup, then applies the schedule's retention annotations.
/// Paused schedules are left alone entirely. Missed firings are not caught up: a due schedule makes one backup.
/// </summary>
internal sealed class ScheduleController(
    ClusterRegistry clusters,
    NpgsqlDataSource dataSource,
    TimeProvider time,
    IOptions<ScheduleOptions> options,
    IOptions<VeleroNamespaceOptions> velero,
    ILogger<ScheduleController> logger) : PeriodicClusterWork(clusters, dataSource, time, logger)
{
    /// <summary>"schd": the advisory lock class of schedule passes.</summary>
    internal const int ScheduleLockClass = 0x73636864;

    protected override string Activity => "Running schedules";

    protected override int LockClass => ScheduleLockClass;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task RunAsync(ClusterConnection cluster, ClusterRef identity, NpgsqlConnection connection,
        CancellationToken cancellationToken)
    {
        var resources = new ScheduleResources(cluster.Client);
        var schedules = await resources.Schedules.ListAsync(velero.Value.Namespace, cancellationToken: cancellationToken);
        foreach (var schedule in schedules.Items)
        {
            try
            {
                await ReconcileAsync(resources, identity, connection, schedule, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not (OutOfMemoryException or NpgsqlException))
            {
                logger.LogWarning("Schedule {Cluster}/{Schedule} failed, trying again in {Interval}: {Reason}", cluster.Name,
                    schedule.Metadata.Name, Interval, e.Message);
            }
        }

        await ScheduleStore.ForgetOthersAsync(connection, identity.Id, velero.Value.Namespace, [.. schedules.Items.Select(s => s.Metadata.Uid)],
            cancellationToken);
    }

    private async Task ReconcileAsync(ScheduleResources resources, ClusterRef cluster, NpgsqlConnection connection, Schedule schedule,
        CancellationToken cancellationToken)
    {
        // Kubernetes times have whole seconds; so have ours, so a written status compares equal to the claim behind it.
        var now = Time.GetUtcNow();
        now = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerSecond));
        var status = schedule.Status ??= new ScheduleStatus();
        if (schedule.Spec.Paused == true)
        {
            await RecordAsync(connection, cluster, schedule, status, null, now, cancellationToken);
            return;
        }

        var errors = ScheduleValidation.Validate(schedule.Spec.Schedule, out var cron).ToList();
        var retention = RetentionPolicy.FromAnnotations(schedule.Metadata.Annotations, out var retentionErrors);
        errors.AddRange(retentionErrors);
        var phase = errors.Count == 0 ? SchedulePhase.Enabled : SchedulePhase.FailedValidation;

        // Upstream fills a missing skipImmediately with the server default and writes it back as false once honoured.
        var skip = schedule.Spec.SkipImmediately ?? options.Value.SkipImmediately;
        if (schedule.Spec.SkipImmediately != false)
        {
            await resources.ResetSkipImmediatelyAsync(schedule, cancellationToken);
        }

        var changed = new JsonObject();
        if (skip)
        {
            status.LastSkipped = now.UtcDateTime;
            changed["lastSkipped"] = Timestamp(now);
        }

        if (status.Phase != phase || !(status.ValidationErrors ?? []).SequenceEqual(errors))
        {
            status.Phase = phase;
            status.ValidationErrors = errors.Count > 0 ? errors : null;
            changed["phase"] = phase;
            changed["validationErrors"] = errors.Count > 0 ? new JsonArray([.. errors.Select(e => JsonValue.Create(e))]) : null;
        }

        if (changed.Count > 0)
        {
            await resources.PatchStatusAsync(schedule, changed, cancellationToken);
        }

        if (phase == SchedulePhase.Enabled)
        {
            var firing = new ScheduleFiring(resources, connection, cluster, logger);
            var backups = await firing.FireIfDueAsync(schedule, status, cron!, now, cancellationToken);
            if (retention is not null)
            {
                await new ScheduleRetention(resources, connection, options.Value, logger)
                    .ApplyAsync(schedule, retention, cron!.Zone, backups, now, cancellationToken);
            }
        }

        await RecordAsync(connection, cluster, schedule, status, retention, now, cancellationToken);
    }

    private static Task RecordAsync(NpgsqlConnection connection, ClusterRef cluster, Schedule schedule, ScheduleStatus status,
        RetentionPolicy? retention, DateTimeOffset now, CancellationToken cancellationToken) =>
        ScheduleStore.UpsertAsync(connection, cluster, new ScheduleRecord(
            schedule.Metadata.Uid, schedule.Metadata.NamespaceProperty, schedule.Metadata.Name, schedule.Spec.Schedule ?? "",
            status.Phase ?? SchedulePhase.New, schedule.Spec.Paused == true, Utc(status.LastBackup), Utc(status.LastSkipped),
            retention is null ? null : JsonSerializer.Serialize(retention), [.. status.ValidationErrors ?? []]), now, cancellationToken);

    internal static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static DateTimeOffset? Utc(DateTime? time) => time is { } t
        ? new DateTimeOffset(DateTime.SpecifyKind(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t, DateTimeKind.Utc))
        : null;
}
