using k8s;
using k8s.Models;
using Velero.Api;
using Velero.Api.V1;
using Velero.Contracts.Requests;

namespace Velero.Scheduler.Requests;

/// <summary>What a <see cref="RequestBackup"/> asks for, checked, and the Backup resource it becomes.</summary>
internal static class BackupRequests
{
    /// <summary>The ticket and the spec (null for a schedule's), or <see cref="RequestRefusedException"/>.</summary>
    public static (RequestTicket Ticket, BackupSpec? Spec) Check(RequestBackup request, string veleroNamespace)
    {
        var ticket = RequestTicket.From(RequestKind.Backup, request.RequestId, request.CorrelationId, request.Cluster,
            request.Namespace, request.Name, veleroNamespace);
        var hasSpec = request.Spec is { ValueKind: not (System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined) };
        var hasSchedule = !string.IsNullOrEmpty(request.Schedule);
        return (hasSpec, hasSchedule) switch
        {
            (true, true) => throw new RequestRefusedException("invalid Backup request: give spec or schedule, not both"),
            (false, false) => throw new RequestRefusedException("invalid Backup request: spec or schedule is required ({} backs up the whole cluster)"),
            (true, false) => (ticket, RequestSpecs.Read<BackupSpec>(request.Spec, nameof(BackupSpec))),
            _ => (ticket, null),
        };
    }

    /// <summary>
    /// The Backup: the request's spec, or the schedule's template as upstream's <c>--from-schedule</c> builds it (the
    /// schedule's labels and <c>velero.io/schedule-name</c>, an owner reference when the schedule asks for one).
    /// </summary>
    public static async Task<Backup> BuildAsync(RequestBackup request, RequestTicket ticket, BackupSpec? spec, IKubernetes client,
        CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        List<V1OwnerReference>? owners = null;
        if (spec is null)
        {
            var schedule = await new Kubernetes.Resources.CustomResourceClient<Schedule>(client)
                               .GetAsync(ticket.Namespace, request.Schedule!, cancellationToken)
                           ?? throw new RequestRefusedException($"schedule \"{request.Schedule}\" not found in namespace {ticket.Namespace}");
            foreach (var (key, value) in schedule.Metadata.Labels ?? new Dictionary<string, string>())
            {
                labels[key] = value;
            }

            labels[WellKnown.ScheduleNameLabel] = schedule.Metadata.Name;
            spec = schedule.Spec.Template ?? new BackupSpec();
            if (schedule.Spec.UseOwnerReferencesInBackup == true)
            {
                owners =
                [
                    new V1OwnerReference
                    {
                        ApiVersion = WellKnown.V1ApiVersion, Kind = Schedule.KubeKind, Name = schedule.Metadata.Name,
                        Uid = schedule.Metadata.Uid, Controller = true,
                    },
                ];
            }
        }

        foreach (var (key, value) in request.Labels ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }

        return new Backup
        {
            Metadata = new V1ObjectMeta
            {
                Name = ticket.Name,
                NamespaceProperty = ticket.Namespace,
                Labels = labels.Count > 0 ? labels : null,
                Annotations = RequestAnnotations.For(ticket),
                OwnerReferences = owners,
            },
            Spec = spec,
        };
    }
}
