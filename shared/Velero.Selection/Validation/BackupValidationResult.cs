using Velero.Api.V1;
using Velero.Selection.Resources;

namespace Velero.Selection.Validation;

/// <summary>
/// The outcome of <see cref="BackupValidator.Validate"/>. <see cref="Backup"/> is always a defaulted copy (as upstream,
/// the defaults are filled before and during validation); when <see cref="IsValid"/> is false it ends in
/// <c>FailedValidation</c> with <see cref="Errors"/> as <c>status.validationErrors</c>.
/// </summary>
public sealed record BackupValidationResult(
    Backup Backup,
    IReadOnlyList<string> Errors,
    BackupStorageLocation? StorageLocation,
    IReadOnlyList<VolumeSnapshotLocation> SnapshotLocations,
    IncludeExcludePolicy? IncludeExcludePolicy)
{
    public bool IsValid => Errors.Count == 0;
}
