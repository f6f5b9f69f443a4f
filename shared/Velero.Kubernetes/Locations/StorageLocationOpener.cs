using k8s;
using Velero.Api.V1;
using Velero.Kubernetes.Resources;
using Velero.ObjectStorage;
using Velero.ObjectStorage.Locations;

namespace Velero.Kubernetes.Locations;

/// <summary>
/// Opens a BackupStorageLocation by name as a worker needs it: the resource read from the cluster, its config and
/// credentials read, the store created. A location that cannot be had is not an exception but a failure reason in
/// upstream's words, which the worker reports as the failure of its backup or restore.
/// </summary>
public static class StorageLocationOpener
{
    public static async Task<(ObjectStoreLocation? Location, string? Error)> OpenAsync(IKubernetes client, ObjectStoreFactory stores,
        string @namespace, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stores);
        var bsl = await new CustomResourceClient<BackupStorageLocation>(client).GetAsync(@namespace, name, cancellationToken);
        if (bsl is null)
        {
            return (null, $"error getting backup storage location: backupstoragelocations.velero.io \"{name}\" not found");
        }

        try
        {
            var config = await LocationConfigReader.ReadAsync(client, bsl, cancellationToken);
            return (stores.Create(config), null);
        }
        catch (Exception e) when (e is LocationConfigException or ObjectStorageException or ArgumentException)
        {
            return (null, $"error opening backup storage location \"{name}\": {MessageSanitizer.Sanitize(e.Message)}");
        }
    }
}
