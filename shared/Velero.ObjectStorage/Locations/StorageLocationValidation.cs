namespace Velero.ObjectStorage.Locations;

/// <summary>
/// What the BSL validation controller writes to status (spec 7.4): the phase and a message that is empty when
/// available and safe to publish when not.
/// </summary>
public sealed record StorageLocationValidation(StorageLocationPhase Phase, string Message)
{
    public static StorageLocationValidation Available { get; } = new(StorageLocationPhase.Available, "");

    public bool IsAvailable => Phase == StorageLocationPhase.Available;
}
