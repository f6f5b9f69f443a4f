using System.Net;
using System.Text;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Velero.Api.V1;
using Velero.ObjectStorage;

namespace Velero.Kubernetes.Locations;

/// <summary>
/// Turns a BackupStorageLocation into what the object-storage library needs, reading its Secrets (credentials and
/// CA certificate) from the location's namespace. Secret contents stay in memory and are never logged.
/// </summary>
public static class LocationConfigReader
{
    /// <summary>The Secret and key holding the credentials of locations that name none (what <c>velero install --secret-file</c> creates).</summary>
    public const string DefaultCredentialsSecret = "cloud-credentials";

    public const string DefaultCredentialsKey = "cloud";

    public static async Task<BackupStorageLocationConfig> ReadAsync(IKubernetes client, BackupStorageLocation location,
        CancellationToken cancellationToken, string defaultCredentialsSecret = DefaultCredentialsSecret,
        string defaultCredentialsKey = DefaultCredentialsKey)
    {
        var ns = location.Metadata.NamespaceProperty;
        var spec = location.Spec;
        var credential = spec.Credential is { } selector
            ? await ReadSecretKeyAsync(client, ns, selector.Name, selector.Key, required: true, cancellationToken)
            : await ReadSecretKeyAsync(client, ns, defaultCredentialsSecret, defaultCredentialsKey, required: false,
                cancellationToken);
        var caCert = spec.ObjectStorage?.CaCertRef is { } caRef
            ? await ReadSecretKeyAsync(client, ns, caRef.Name, caRef.Key, required: true, cancellationToken)
            : spec.ObjectStorage?.CaCert;
        return new BackupStorageLocationConfig
        {
            Name = location.Metadata.Name,
            Provider = spec.Provider ?? "",
            Bucket = spec.ObjectStorage?.Bucket ?? "",
            Prefix = spec.ObjectStorage?.Prefix,
            Config = spec.Config is null ? new Dictionary<string, string>() : new Dictionary<string, string>(spec.Config),
            CaCert = caCert is null ? null : Encoding.UTF8.GetString(caCert),
            Credentials = credential,
        };
    }

    private static async Task<byte[]?> ReadSecretKeyAsync(IKubernetes client, string ns, string name, string key, bool required,
        CancellationToken cancellationToken)
    {
        V1Secret secret;
        try
        {
            secret = await client.CoreV1.ReadNamespacedSecretAsync(name, ns, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound && !required)
        {
            return null;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new LocationConfigException($"Secret {ns}/{name} does not exist");
        }

        if (secret.Data?.TryGetValue(key, out var value) == true)
        {
            return value;
        }

        return required ? throw new LocationConfigException($"Secret {ns}/{name} has no key {key}") : null;
    }
}
