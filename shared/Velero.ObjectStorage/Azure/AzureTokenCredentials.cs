using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;

namespace Velero.ObjectStorage.Azure;

/// <summary>
/// Upstream's <c>NewCredential</c> for <c>useAAD</c>: a service principal from the credentials file (client
/// secret or certificate), else workload identity when <c>AZURE_FEDERATED_TOKEN_FILE</c> is set, else managed
/// identity (user-assigned when <c>AZURE_CLIENT_ID</c> is given).
/// </summary>
internal static class AzureTokenCredentials
{
    public static TokenCredential Create(IReadOnlyDictionary<string, string> credentials, Uri authority, Func<string, string?> environment)
    {
        var tenants = Get(credentials, AzureCredentialsFile.AdditionallyAllowedTenants)?.Split(';', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var secret = Get(credentials, AzureCredentialsFile.ClientSecret);
        var certificate = Get(credentials, AzureCredentialsFile.ClientCertificate);
        var certificatePath = Get(credentials, AzureCredentialsFile.ClientCertificatePath);
        var clientId = Get(credentials, AzureCredentialsFile.ClientId);
        if (secret is not null || certificate is not null || certificatePath is not null)
        {
            var tenantId = Get(credentials, AzureCredentialsFile.TenantId) ?? throw Invalid($"{AzureCredentialsFile.TenantId} is required");
            if (clientId is null)
            {
                throw Invalid($"{AzureCredentialsFile.ClientId} is required");
            }

            if (secret is not null)
            {
                var options = new ClientSecretCredentialOptions { AuthorityHost = authority };
                AddTenants(options.AdditionallyAllowedTenants, tenants);
                return new ClientSecretCredential(tenantId, clientId, secret, options);
            }

            var certOptions = new ClientCertificateCredentialOptions { AuthorityHost = authority };
            AddTenants(certOptions.AdditionallyAllowedTenants, tenants);
            return new ClientCertificateCredential(
                tenantId, clientId, LoadCertificate(certificate, certificatePath, Get(credentials, AzureCredentialsFile.ClientCertificatePassword)), certOptions);
        }

        if (!string.IsNullOrEmpty(environment("AZURE_FEDERATED_TOKEN_FILE")))
        {
            var options = new WorkloadIdentityCredentialOptions { AuthorityHost = authority };
            options.ClientId = clientId ?? options.ClientId;
            options.TenantId = Get(credentials, AzureCredentialsFile.TenantId) ?? options.TenantId;
            AddTenants(options.AdditionallyAllowedTenants, tenants);
            return new WorkloadIdentityCredential(options);
        }

        return new ManagedIdentityCredential(
            clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
    }

    /// <summary>A PEM (certificate and key) or PKCS#12 certificate, from the file's value or a path it names.</summary>
    private static X509Certificate2 LoadCertificate(string? raw, string? path, string? password)
    {
        byte[] bytes;
        try
        {
            bytes = raw is not null ? System.Text.Encoding.UTF8.GetBytes(raw) : File.ReadAllBytes(path!);
        }
        catch (IOException e)
        {
            throw Invalid($"failed to read certificate file {path}: {e.GetType().Name}");
        }

        try
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            return text.Contains("-----BEGIN", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(text, text)
                : X509CertificateLoader.LoadPkcs12(bytes, password);
        }
        catch (CryptographicException)
        {
            throw Invalid("failed to parse certificate");
        }
    }

    private static void AddTenants(IList<string> target, string[] tenants)
    {
        foreach (var tenant in tenants)
        {
            target.Add(tenant);
        }
    }

    private static string? Get(IReadOnlyDictionary<string, string> credentials, string key) =>
        credentials.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static ObjectStorageException Invalid(string message) => new(ObjectStorageErrorKind.InvalidConfiguration, message);
}
