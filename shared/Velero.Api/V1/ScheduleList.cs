using k8s;
using k8s.Models;

namespace Velero.Api.V1;

[KubernetesEntity(
    Group = WellKnown.Group, Kind = "ScheduleList",
    ApiVersion = WellKnown.V1, PluralName = Schedule.KubePluralName)]
public sealed class ScheduleList : IKubernetesObject<V1ListMeta>, IItems<Schedule>
{
    public string ApiVersion { get; set; } = WellKnown.V1ApiVersion;

    public string Kind { get; set; } = "ScheduleList";

    public V1ListMeta Metadata { get; set; } = new();

    public IList<Schedule> Items { get; set; } = [];
}
