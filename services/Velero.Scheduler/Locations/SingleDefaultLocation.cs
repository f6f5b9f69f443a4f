using Velero.Api.V1;

namespace Velero.Scheduler.Locations;

/// <summary>
/// One default BackupStorageLocation per namespace, as upstream's location controller keeps it: when several say
/// <c>spec.default: true</c>, the most recently created one stays default (the first listed among equals) and the
/// others are unset.
/// </summary>
internal static class SingleDefaultLocation
{
    /// <summary>The locations whose <c>spec.default</c> must be set to false.</summary>
    public static IReadOnlyList<BackupStorageLocation> ToUnset(IReadOnlyList<BackupStorageLocation> locations)
    {
        var defaults = locations.Where(l => l.Spec.Default == true).ToList();
        if (defaults.Count < 2)
        {
            return [];
        }

        var keep = defaults[0];
        foreach (var location in defaults.Skip(1))
        {
            if ((location.Metadata.CreationTimestamp ?? DateTime.MinValue) > (keep.Metadata.CreationTimestamp ?? DateTime.MinValue))
            {
                keep = location;
            }
        }

        return [.. defaults.Where(l => !ReferenceEquals(l, keep))];
    }
}
