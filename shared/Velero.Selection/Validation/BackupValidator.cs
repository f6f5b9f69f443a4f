using Velero.BackupFormat.Layout;
using k8s;
using Velero.Api;
using Velero.Api.V1;
using Velero.Selection.Globs;
using Velero.Selection.Items;
using Velero.Selection.Namespaces;
using Velero.Selection.Resources;

namespace Velero.Selection.Validation;

/// <summary>
/// The backup controller's <c>prepareBackupRequest</c> (<c>pkg/controller/backup_controller.go</c>, Velero 1.18.1):
/// fills the defaults of spec 4.1 and collects every validation error, with upstream's messages and in its order.
/// Nothing is read here: the caller passes the locations, namespaces, cluster version and policy ConfigMap.
/// </summary>
public sealed class BackupValidator(BackupServerDefaults defaults, TimeProvider time)
{
    public const string FormatVersion = "1.1.0";
    public const int Version = 1;

    public const string MixedFiltersError =
        "include-resources, exclude-resources and include-cluster-resources are old filter parameters.\n"
        + "include-cluster-scoped-resources, exclude-cluster-scoped-resources, include-namespace-scoped-resources and "
        + "exclude-namespace-scoped-resources are new filter parameters.\n"
        + "They cannot be used together";

    public const string BothSelectorsError =
        "encountered labelSelector as well as orLabelSelectors in backup spec, only one can be specified";

    public const string OldFiltersWithPolicyError =
        "include-resources, exclude-resources and include-cluster-resources are old filter parameters.\n"
        + "They cannot be used with include-exclude policies.";

    public BackupValidationResult Validate(Backup backup, BackupValidationContext context)
    {
        var copy = KubernetesJson.Deserialize<Backup>(KubernetesJson.Serialize(backup));
        var spec = copy.Spec;
        var status = copy.Status ??= new BackupStatus();
        var errors = new List<string>();

        status.Version = Version;
        status.FormatVersion = FormatVersion;
        var ttl = Duration(spec.Ttl, "ttl", errors, defaults.BackupTtl);
        spec.Ttl = GoDuration.Format(ttl);
        if (string.IsNullOrEmpty(spec.VolumeGroupSnapshotLabelKey))
        {
            spec.VolumeGroupSnapshotLabelKey = defaults.VolumeGroupSnapshotLabelKey;
        }

        spec.CsiSnapshotTimeout = GoDuration.Format(
            Duration(spec.CsiSnapshotTimeout, "csiSnapshotTimeout", errors, defaults.CsiSnapshotTimeout));
        spec.ItemOperationTimeout = GoDuration.Format(
            Duration(spec.ItemOperationTimeout, "itemOperationTimeout", errors, defaults.ItemOperationTimeout));
        status.Expiration = time.GetUtcNow().UtcDateTime.Add(ttl);

        // Backups written by old clients: a true defaultVolumesToRestic is remapped to defaultVolumesToFsBackup.
        if (spec.DefaultVolumesToRestic == true)
        {
            spec.DefaultVolumesToFsBackup = true;
        }

        spec.DefaultVolumesToFsBackup ??= defaults.VolumesToFsBackup;
        spec.SnapshotMoveData ??= defaults.SnapshotMoveData;

        var storageLocation = ResolveStorageLocation(copy, context.StorageLocations, errors);
        copy.Metadata.Labels ??= new Dictionary<string, string>();
        copy.Metadata.Labels[WellKnown.StorageLocationLabel] = LabelValues.GetValidName(spec.StorageLocation!);

        var (snapshotLocations, vslErrors) = SnapshotLocationResolver.Resolve(
            spec.VolumeSnapshotLocations, context.SnapshotLocations, defaults.VolumeSnapshotLocations);
        if (vslErrors.Count > 0)
        {
            errors.AddRange(vslErrors);
        }
        else
        {
            spec.VolumeSnapshotLocations = snapshotLocations.Count == 0 ? null : [.. snapshotLocations.Select(l => l.Metadata.Name)];
        }

        copy.Metadata.Annotations ??= new Dictionary<string, string>();
        copy.Metadata.Annotations[WellKnown.SourceClusterGitVersionAnnotation] = context.ClusterVersion.GitVersion;
        copy.Metadata.Annotations[WellKnown.SourceClusterMajorVersionAnnotation] = context.ClusterVersion.Major;
        copy.Metadata.Annotations[WellKnown.SourceClusterMinorVersionAnnotation] = context.ClusterVersion.Minor;
        copy.Metadata.Annotations[WellKnown.ResourceTimeoutAnnotation] = GoDuration.Format(defaults.ResourceTimeout);

        // The exclude-from-backup label on a namespace works as if it were listed in excludedNamespaces (spec 4.2).
        var labelled = context.Namespaces.Where(n => n.IsExcludedFromBackup).Select(n => n.Name).ToList();
        if (labelled.Count > 0)
        {
            spec.ExcludedNamespaces = [.. spec.ExcludedNamespaces ?? [], .. labelled];
        }

        ValidateResourceFilters(spec, errors);

        // Empty includes mean all namespaces: stored as "*" so that wildcard expansion keeps that meaning.
        if (spec.IncludedNamespaces is not { Count: > 0 })
        {
            spec.IncludedNamespaces = ["*"];
        }

        errors.AddRange(NamespacePatternValidator.Validate(spec.IncludedNamespaces, spec.ExcludedNamespaces)
            .Select(e => $"Invalid included/excluded namespace lists: {e}"));

        if (spec.OrLabelSelectors is not null && spec.LabelSelector is not null)
        {
            errors.Add(BothSelectorsError);
        }

        var policy = ReadPolicy(copy, context, errors);
        if (policy is not null && BackupSelection.UsesOldResourceFilters(spec))
        {
            errors.Add(OldFiltersWithPolicyError);
        }

        // As upstream, the errors go on the copy; the caller sets the phase (FailedValidation or InProgress).
        status.ValidationErrors = errors.Count == 0 ? null : [.. errors];
        return new BackupValidationResult(copy, errors, storageLocation, snapshotLocations, policy);
    }

    private BackupStorageLocation? ResolveStorageLocation(
        Backup backup, IReadOnlyList<BackupStorageLocation> locations, List<string> errors)
    {
        var spec = backup.Spec;
        var serverSpecified = false;
        if (string.IsNullOrEmpty(spec.StorageLocation))
        {
            // A location marked default wins over the server flag.
            spec.StorageLocation = locations.FirstOrDefault(l => l.Spec.Default == true)?.Metadata.Name
                ?? defaults.BackupStorageLocation;
            serverSpecified = true;
        }

        var location = locations.FirstOrDefault(l => l.Metadata.Name == spec.StorageLocation);
        if (location is null)
        {
            var notFound = $"backupstoragelocations.velero.io \"{spec.StorageLocation}\" not found";
            errors.Add(serverSpecified
                ? $"an existing backup storage location was not specified at backup creation time and the server default {spec.StorageLocation} does not exist. Please address this issue (see `velero backup-location -h` for options) and create a new backup. Error: {notFound}"
                : $"an existing backup storage location was not specified at backup creation time and the default {spec.StorageLocation} was not found. Please address this issue (see `velero backup-location -h` for options) and create a new backup. Error: {notFound}");
            return null;
        }

        if (location.Spec.AccessMode == BackupStorageLocationAccessMode.ReadOnly)
        {
            errors.Add($"backup can't be created because backup storage location {location.Metadata.Name} is currently in read-only mode");
        }

        if (location.Status?.Phase != BackupStorageLocationPhase.Available)
        {
            errors.Add($"backup can't be created because BackupStorageLocation {location.Metadata.Name} is in Unavailable status.");
        }

        return location;
    }

    private static void ValidateResourceFilters(BackupSpec spec, List<string> errors)
    {
        var hasOld = spec.IncludedResources is { Count: > 0 } || spec.ExcludedResources is { Count: > 0 }
            || spec.IncludeClusterResources is not null;
        var hasNew = spec.IncludedClusterScopedResources is { Count: > 0 } || spec.ExcludedClusterScopedResources is { Count: > 0 }
            || spec.IncludedNamespaceScopedResources is { Count: > 0 } || spec.ExcludedNamespaceScopedResources is { Count: > 0 };
        if (hasOld && hasNew)
        {
            errors.Add(MixedFiltersError);
        }

        if (BackupSelection.UsesOldResourceFilters(spec))
        {
            var old = IncludesExcludesValidator.Validate(spec.IncludedResources, spec.ExcludedResources);
            errors.AddRange(old.Select(e => $"Invalid included/excluded resource lists: {e}"));
            if (old.Count == 0)
            {
                (spec.IncludedResources, spec.ExcludedResources) = AddAutoExcludes(
                    spec.IncludedResources, spec.ExcludedResources,
                    [.. AutoExcludedResources.NamespaceScoped, .. AutoExcludedResources.ClusterScoped]);
            }

            return;
        }

        var cluster = IncludesExcludesValidator.ValidateScoped(spec.IncludedClusterScopedResources, spec.ExcludedClusterScopedResources);
        errors.AddRange(cluster.Select(e => $"Invalid cluster-scoped included/excluded resource lists: {e}"));
        if (cluster.Count == 0)
        {
            (spec.IncludedClusterScopedResources, spec.ExcludedClusterScopedResources) = AddAutoExcludes(
                spec.IncludedClusterScopedResources, spec.ExcludedClusterScopedResources, AutoExcludedResources.ClusterScoped);
        }

        var namespaced = IncludesExcludesValidator.ValidateScoped(spec.IncludedNamespaceScopedResources, spec.ExcludedNamespaceScopedResources);
        errors.AddRange(namespaced.Select(e => $"Invalid namespace-scoped included/excluded resource lists: {e}"));
        if (namespaced.Count == 0)
        {
            (spec.IncludedNamespaceScopedResources, spec.ExcludedNamespaceScopedResources) = AddAutoExcludes(
                spec.IncludedNamespaceScopedResources, spec.ExcludedNamespaceScopedResources, AutoExcludedResources.NamespaceScoped);
        }
    }

    // Upstream's modifyResourceIncludeExclude: append the auto-excluded types, then drop includes that are excluded.
    private static (IList<string>? Includes, IList<string> Excludes) AddAutoExcludes(
        IList<string>? includes, IList<string>? excludes, IReadOnlyList<string> added)
    {
        var newExcludes = new List<string>(excludes ?? []);
        newExcludes.AddRange(added.Where(a => excludes?.Contains(a) != true));
        IList<string>? newIncludes = includes is null ? null : [.. includes.Where(i => !newExcludes.Contains(i))];
        return (newIncludes, newExcludes);
    }

    private static IncludeExcludePolicy? ReadPolicy(Backup backup, BackupValidationContext context, List<string> errors)
    {
        var reference = backup.Spec.ResourcePolicy;
        if (reference is null || !string.Equals(reference.Kind, "configmap", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var ns = backup.Metadata.NamespaceProperty;
        if (context.ResourcePolicyConfigMap is not { } configMap)
        {
            errors.Add($"fail to get ResourcePolicies {ns}/{reference.Name} ConfigMap with error configmaps \"{reference.Name}\" not found");
            return null;
        }

        var (policy, error) = ResourcePolicyReader.Read(configMap, $"{ns}/{backup.Metadata.Name}");
        if (error is not null)
        {
            errors.Add(error);
        }

        return policy;
    }

    // A zero or missing duration takes the server default. Upstream cannot even decode an unparsable one; here it is a
    // validation error so that the backup ends in FailedValidation instead of being ignored.
    private static TimeSpan Duration(string? value, string field, List<string> errors, TimeSpan fallback)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (!GoDuration.TryParse(value, out var duration))
        {
            errors.Add($"invalid duration in spec.{field}: \"{value}\"");
            return fallback;
        }

        return duration == TimeSpan.Zero ? fallback : duration;
    }
}
