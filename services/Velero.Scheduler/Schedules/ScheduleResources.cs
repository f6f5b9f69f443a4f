using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Velero.Api;
using Velero.Api.V1;
using Velero.Kubernetes.Resources;

namespace Velero.Scheduler.Schedules;

/// <summary>The Kubernetes calls of the schedule controller in one cluster.</summary>
internal sealed class ScheduleResources(IKubernetes client)
{
    public CustomResourceClient<Schedule> Schedules { get; } = new(client);

    public CustomResourceClient<Backup> Backups { get; } = new(client);

    public CustomResourceClient<DeleteBackupRequest> DeleteRequests { get; } = new(client);

    /// <summary>
    /// A merge patch of <c>status</c>, through the resource itself: upstream's Schedule CRD declares no status
    /// subresource (<c>subresources: {}</c>), so status is written as every other writer here writes it. Null members
    /// clear their field.
    /// </summary>
    public Task PatchStatusAsync(Schedule schedule, JsonObject status, CancellationToken cancellationToken) =>
        client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(new JsonObject { ["status"] = status }.ToJsonString(), V1Patch.PatchType.MergePatch),
            WellKnown.Group, WellKnown.V1, schedule.Metadata.NamespaceProperty, Schedules.Plural, schedule.Metadata.Name,
            cancellationToken: cancellationToken);

    /// <summary>Resets <c>spec.skipImmediately</c> to false once it has been honoured, as upstream does.</summary>
    public Task ResetSkipImmediatelyAsync(Schedule schedule, CancellationToken cancellationToken) =>
        Schedules.PatchAsync(schedule.Metadata.NamespaceProperty, schedule.Metadata.Name,
            new { spec = new { skipImmediately = false } }, cancellationToken);

    /// <summary>The Backups labelled as made by the schedule.</summary>
    public async Task<IReadOnlyList<Backup>> BackupsOfAsync(Schedule schedule, CancellationToken cancellationToken) =>
        [.. (await Backups.ListAsync(schedule.Metadata.NamespaceProperty, $"{WellKnown.ScheduleNameLabel}={schedule.Metadata.Name}",
            cancellationToken)).Items];

    /// <summary>Creates the Backup; one of that name already there is the same firing made before (a retry), so done.</summary>
    public async Task<bool> CreateBackupAsync(Backup backup, CancellationToken cancellationToken)
    {
        try
        {
            await Backups.CreateAsync(backup, cancellationToken);
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }
    }
}
