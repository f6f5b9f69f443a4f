using System.Net;
using System.Text;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Velero.Api.V1;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Downloads;

/// <summary>
/// The CA certificate of the location a backup or restore lives in, which the CLI trusts for its downloads, as upstream's
/// <c>cacert.GetCACertFromBackup</c>/<c>FromRestore</c>: <c>caCertRef</c>'s Secret key first, then the inline <c>caCert</c>;
/// a missing backup or location means none.
/// </summary>
public static class StorageLocationCaCert
{
    public static Task<string?> ForBackupAsync(IKubernetes client, string @namespace, Backup backup, CancellationToken cancellationToken) =>
        ForLocationAsync(client, @namespace, backup.Spec.StorageLocation, cancellationToken);

    public static async Task<string?> ForRestoreAsync(IKubernetes client, string @namespace, Restore restore,
        CancellationToken cancellationToken)
    {
        Backup? backup;
        try
        {
            backup = string.IsNullOrEmpty(restore.Spec.BackupName) ? null
                : await new CustomResourceClient<Backup>(client).GetAsync(@namespace, restore.Spec.BackupName, cancellationToken);
        }
        catch (HttpOperationException e)
        {
            throw new InvalidOperationException($"error getting backup {restore.Spec.BackupName}: {e.Message}", e);
        }

        return backup is null ? null : await ForBackupAsync(client, @namespace, backup, cancellationToken);
    }

    public static async Task<string?> ForLocationAsync(IKubernetes client, string @namespace, string? name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        BackupStorageLocation? location;
        try
        {
            location = await new CustomResourceClient<BackupStorageLocation>(client).GetAsync(@namespace, name, cancellationToken);
        }
        catch (HttpOperationException e)
        {
            throw new InvalidOperationException($"error getting backup storage location {name}: {e.Message}", e);
        }

        var storage = location?.Spec.ObjectStorage;
        if (storage is null)
        {
            return null;
        }

        if (storage.CaCertRef is { } reference)
        {
            V1Secret secret;
            try
            {
                secret = await client.CoreV1.ReadNamespacedSecretAsync(reference.Name, @namespace, cancellationToken: cancellationToken);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new InvalidOperationException($"certificate secret {reference.Name} not found in namespace {@namespace}", e);
            }
            catch (HttpOperationException e)
            {
                throw new InvalidOperationException($"error getting certificate secret {reference.Name}: {e.Message}", e);
            }

            if (string.IsNullOrEmpty(reference.Key))
            {
                throw new InvalidOperationException("caCertRef key is empty");
            }

            return secret.Data?.TryGetValue(reference.Key, out var pem) == true
                ? Encoding.UTF8.GetString(pem)
                : throw new InvalidOperationException($"key {reference.Key} not found in secret {reference.Name}");
        }

        return storage.CaCert is { Length: > 0 } inline ? Encoding.UTF8.GetString(inline) : null;
    }
}
