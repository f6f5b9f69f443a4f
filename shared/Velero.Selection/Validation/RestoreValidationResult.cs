using Velero.Api.V1;

namespace Velero.Selection.Validation;

/// <summary>
/// A restore as validation left it (non-restorable excludes appended, backup and schedule names filled) with every
/// error in upstream's words; when valid, the backup it restores and that backup's location.
/// </summary>
public sealed record RestoreValidationResult(Restore Restore, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public Backup? Backup { get; init; }

    public BackupStorageLocation? Location { get; init; }
}
