using k8s;
using Velero.Api;
using Velero.Api.V1;
using Velero.Selection.Globs;

namespace Velero.Selection.Validation;

/// <summary>
/// The restore controller's <c>validateAndComplete</c> (<c>pkg/controller/restore_controller.go</c>, Velero 1.18.1),
/// without the parts that read ConfigMaps (resource modifiers) or parse hooks: the non-restorable resources appended
/// to the excludes, every validation error with upstream's message and in its order, the backup of a schedule, and the
/// schedule name filled from the backup. Nothing is read here: the caller passes the Velero namespace's Backups and
/// BackupStorageLocations.
/// </summary>
public static class RestoreValidator
{
    /// <summary>Upstream's <c>nonRestorableResources</c>, in its order.</summary>
    public static IReadOnlyList<string> NonRestorableResources { get; } =
    [
        "nodes", "events", "events.events.k8s.io", "backups.velero.io", "restores.velero.io", "resticrepositories.velero.io",
        "csinodes.storage.k8s.io", "volumeattachments.storage.k8s.io", "backuprepositories.velero.io",
    ];

    /// <summary>The values <c>existingResourcePolicy</c> accepts besides empty.</summary>
    public static IReadOnlyList<string> ExistingResourcePolicies { get; } = ["none", "update"];

    public const string BothSelectorsError =
        "encountered labelSelector as well as orLabelSelectors in restore spec, only one can be specified";

    public const string SourceError = "Either a backup or schedule must be specified as a source for the restore, but not both";

    public static RestoreValidationResult Validate(Restore restore, IReadOnlyList<Backup> backups,
        IReadOnlyList<BackupStorageLocation> locations)
    {
        ArgumentNullException.ThrowIfNull(restore);
        ArgumentNullException.ThrowIfNull(backups);
        ArgumentNullException.ThrowIfNull(locations);
        var copy = KubernetesJson.Deserialize<Restore>(KubernetesJson.Serialize(restore));
        var spec = copy.Spec;
        var errors = new List<string>();

        var excluded = spec.ExcludedResources ?? [];
        spec.ExcludedResources = [.. excluded, .. NonRestorableResources.Where(r => !excluded.Contains(r))];
        foreach (var resource in NonRestorableResources.Where(r => spec.IncludedResources?.Contains(r) == true))
        {
            errors.Add($"{resource} are non-restorable resources");
        }

        errors.AddRange(IncludesExcludesValidator.Validate(spec.IncludedResources, spec.ExcludedResources)
            .Select(e => $"Invalid included/excluded resource lists: {e}"));
        errors.AddRange(IncludesExcludesValidator.Validate(spec.IncludedNamespaces, spec.ExcludedNamespaces)
            .Select(e => $"Invalid included/excluded namespace lists: {e}"));
        if (spec.OrLabelSelectors is not null && spec.LabelSelector is not null)
        {
            errors.Add(BothSelectorsError);
        }

        if (string.IsNullOrEmpty(spec.BackupName) == string.IsNullOrEmpty(spec.ScheduleName))
        {
            errors.Add(SourceError);
            return new RestoreValidationResult(copy, errors);
        }

        // Upstream checks the init-container hooks right after the source, before the existing-resource policy.
        errors.AddRange(RestoreHookValidator.Validate(copy));
        if (!string.IsNullOrEmpty(spec.ExistingResourcePolicy) && !ExistingResourcePolicies.Contains(spec.ExistingResourcePolicy))
        {
            errors.Add($"Invalid ExistingResourcePolicy: {spec.ExistingResourcePolicy}");
        }

        if (!string.IsNullOrEmpty(spec.ScheduleName))
        {
            var ofSchedule = backups.Where(b => b.Metadata.Labels?.TryGetValue(WellKnown.ScheduleNameLabel, out var s) == true
                && s == spec.ScheduleName).ToList();
            if (ofSchedule.Count == 0)
            {
                errors.Add("No backups found for schedule");
            }

            // Newest start first; the first Completed one wins (backups never started sort last, as Go's zero time).
            var newest = ofSchedule
                .OrderByDescending(b => b.Status?.StartTimestamp ?? DateTime.MinValue)
                .FirstOrDefault(b => b.Status?.Phase == BackupPhase.Completed);
            if (newest is null)
            {
                errors.Add("No completed backups found for schedule");
                return new RestoreValidationResult(copy, errors);
            }

            spec.BackupName = newest.Metadata.Name;
        }

        var ns = copy.Metadata.NamespaceProperty;
        var backup = backups.FirstOrDefault(b => b.Metadata.Name == spec.BackupName);
        if (backup is null)
        {
            errors.Add($"Error retrieving backup: can't find backup {ns}/{spec.BackupName}: backups.velero.io \"{spec.BackupName}\" not found");
            return new RestoreValidationResult(copy, errors);
        }

        var location = locations.FirstOrDefault(l => l.Metadata.Name == backup.Spec.StorageLocation);
        if (location is null)
        {
            errors.Add($"Error retrieving backup: backupstoragelocations.velero.io \"{backup.Spec.StorageLocation}\" not found");
            return new RestoreValidationResult(copy, errors);
        }

        if (location.Status?.Phase != BackupStorageLocationPhase.Available)
        {
            errors.Add($"The BSL {location.Metadata.Name} is unavailable, cannot retrieve the backup");
            return new RestoreValidationResult(copy, errors);
        }

        if (string.IsNullOrEmpty(spec.ScheduleName)
            && backup.Metadata.Labels?.TryGetValue(WellKnown.ScheduleNameLabel, out var schedule) == true)
        {
            spec.ScheduleName = schedule;
        }

        return new RestoreValidationResult(copy, errors) { Backup = backup, Location = location };
    }
}
