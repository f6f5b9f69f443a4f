using Velero.Api.V1;

namespace Velero.Selection.Validation;

/// <summary>
/// Upstream's <c>validateAndGetSnapshotLocations</c> (<c>pkg/controller/backup_controller.go</c>): every named VSL must
/// exist, at most one per provider; each other provider with locations gets its only one, or the server default
/// (<c>--default-volume-snapshot-locations</c>) when it has several. Providers come out in name order (upstream's map
/// order is random).
/// </summary>
public static class SnapshotLocationResolver
{
    public static (IReadOnlyList<VolumeSnapshotLocation> Locations, IReadOnlyList<string> Errors) Resolve(
        IEnumerable<string>? requested,
        IReadOnlyList<VolumeSnapshotLocation> available,
        IReadOnlyDictionary<string, string> providerDefaults)
    {
        var errors = new List<string>();
        var byProvider = new SortedDictionary<string, VolumeSnapshotLocation>(StringComparer.Ordinal);
        foreach (var name in requested ?? [])
        {
            var location = available.FirstOrDefault(l => l.Metadata.Name == name);
            if (location is null)
            {
                errors.Add($"a VolumeSnapshotLocation CRD for the location {name} with the name specified in the backup spec needs to be created before this snapshot can be executed. Error: volumesnapshotlocations.velero.io \"{name}\" not found");
                continue;
            }

            var provider = location.Spec.Provider ?? string.Empty;
            if (byProvider.TryGetValue(provider, out var chosen))
            {
                if (chosen.Metadata.Name != name)
                {
                    errors.Add($"more than one VolumeSnapshotLocation name specified for provider {provider}: {name}; unexpected name was {chosen.Metadata.Name}");
                }

                continue;
            }

            byProvider[provider] = location;
        }

        if (errors.Count > 0)
        {
            return ([], errors);
        }

        foreach (var group in available.GroupBy(l => l.Spec.Provider ?? string.Empty).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (byProvider.ContainsKey(group.Key))
            {
                continue;
            }

            if (group.Count() == 1)
            {
                byProvider[group.Key] = group.First();
                continue;
            }

            if (!providerDefaults.TryGetValue(group.Key, out var defaultName) || defaultName.Length == 0)
            {
                errors.Add($"provider {group.Key} has more than one possible volume snapshot location, and none were specified explicitly or as a default");
                continue;
            }

            var location = available.FirstOrDefault(l => l.Metadata.Name == defaultName);
            if (location is null)
            {
                errors.Add($"error getting volume snapshot location named {defaultName}: volumesnapshotlocations.velero.io \"{defaultName}\" not found");
                continue;
            }

            byProvider[group.Key] = location;
        }

        return errors.Count > 0 ? ([], errors) : ([.. byProvider.Values], []);
    }
}
