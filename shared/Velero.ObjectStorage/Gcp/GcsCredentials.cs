using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Storage.v1;
using Google.Cloud.Storage.V1;

namespace Velero.ObjectStorage.Gcp;

/// <summary>
/// The GCP credential of a BSL, as upstream picks it: the JSON key in the BSL's credential Secret key (or the file
/// <c>credentialsFile</c> / <c>GOOGLE_APPLICATION_CREDENTIALS</c> names), else Application Default Credentials
/// (workload identity), which then needs <c>serviceAccount</c> to sign URLs. Service-account keys are parsed here
/// so errors can name the missing field; messages never quote the file.
/// </summary>
internal static class GcsCredentials
{
    public const string ServiceAccountType = "service_account";

    public static (GoogleCredential Credential, UrlSigner? Signer) Resolve(
        BackupStorageLocationConfig location, GcsEnvironment environment, HttpClient signBlobHttp)
    {
        var json = ReadJson(location, environment);
        if (json is not null)
        {
            return FromJson(json, environment);
        }

        // No key: Application Default Credentials (GKE workload identity, the metadata server). Upstream then
        // signs URLs through IAM as the configured service account, and refuses to start without one.
        var serviceAccount = ConfigKeys.Get(location.Config, GcsConfigKeys.ServiceAccount);
        if (string.IsNullOrEmpty(serviceAccount))
        {
            throw Invalid("serviceAccount is expected to be provided as an item in BackupStorageLocation's config");
        }

        GoogleCredential adc;
        try
        {
            adc = GoogleCredential.GetApplicationDefault().CreateScoped(StorageService.Scope.DevstorageReadWrite);
        }
        catch (InvalidOperationException)
        {
            throw Invalid("no GCP credentials: give the location a service account key (credential Secret or credentialsFile) or run with workload identity");
        }

        return (adc, UrlSigner.FromBlobSigner(new IamSignBlobSigner(serviceAccount, adc, signBlobHttp)));
    }

    internal static (GoogleCredential Credential, UrlSigner? Signer) FromJson(string json, GcsEnvironment environment)
    {
        string? type;
        try
        {
            using var document = JsonDocument.Parse(json);
            type = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("type", out var t)
                ? t.GetString()
                : null;
        }
        catch (JsonException)
        {
            throw Invalid("error parsing credentials file; should be JSON");
        }

        if (type == ServiceAccountType)
        {
            var credential = ServiceAccount(json, environment);
            return (credential.ToGoogleCredential(), UrlSigner.FromCredential(credential));
        }

        if (string.IsNullOrEmpty(type))
        {
            throw Invalid("the credentials JSON has no \"type\" (expected service_account or external_account)");
        }

        // external_account (workload identity federation), authorized_user: usable, but they hold no key to sign
        // URLs with, as upstream says when asked for one.
        try
        {
            GoogleCredential google = CredentialFactory.FromJson<ICredential>(json) switch
            {
                FileSourcedExternalAccountCredential c => c.ToGoogleCredential(),
                UrlSourcedExternalAccountCredential c => c.ToGoogleCredential(),
                AwsExternalAccountCredential c => c.ToGoogleCredential(),
                ExternalAccountAuthorizedUserCredential c => c.ToGoogleCredential(),
                UserCredential c => c.ToGoogleCredential(),
                ImpersonatedCredential c => c.ToGoogleCredential(),
                _ => throw Invalid($"credentials of type \"{type}\" are not supported"),
            };
            return (google.CreateScoped(StorageService.Scope.DevstorageReadWrite), null);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or JsonException)
        {
            throw Invalid($"credentials of type \"{type}\" could not be loaded: {e.GetType().Name}");
        }
    }

    private static ServiceAccountCredential ServiceAccount(string json, GcsEnvironment environment)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var email = Text(root, "client_email");
        var key = Text(root, "private_key");
        if (string.IsNullOrEmpty(email))
        {
            throw Invalid("credentials file pointed to by GOOGLE_APPLICATION_CREDENTIALS does not contain an email");
        }

        if (string.IsNullOrEmpty(key))
        {
            throw Invalid("credentials file pointed to by GOOGLE_APPLICATION_CREDENTIALS does not contain a private key");
        }

        var initializer = new ServiceAccountCredential.Initializer(email)
        {
            KeyId = Text(root, "private_key_id"),
            ProjectId = Text(root, "project_id"),
            Scopes = [StorageService.Scope.DevstorageReadWrite],
            // A self-signed JWT as the bearer token: no round trip to the token endpoint, as Google's own clients do.
            UseJwtAccessWithScopes = true,
            Clock = new GoogleClock(environment.Time),
        };
        if (environment.HttpClientFactory is { } factory)
        {
            initializer.HttpClientFactory = factory;
        }

        try
        {
            return new ServiceAccountCredential(initializer.FromPrivateKey(key));
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or FormatException)
        {
            throw Invalid("the private_key of the service account key is not a PEM RSA private key");
        }
    }

    private static string? ReadJson(BackupStorageLocationConfig location, GcsEnvironment environment)
    {
        if (location.Credentials is { Length: > 0 } content)
        {
            return Encoding.UTF8.GetString(content.Span);
        }

        // Upstream prefers config credentialsFile, then the server-wide GOOGLE_APPLICATION_CREDENTIALS.
        var path = ConfigKeys.Get(location.Config, GcsConfigKeys.CredentialsFile) is { Length: > 0 } p ? p : environment.Variable("GOOGLE_APPLICATION_CREDENTIALS");
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Invalid($"error reading provided credentials file {path}: {e.GetType().Name}");
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ObjectStorageException Invalid(string message) => new(ObjectStorageErrorKind.InvalidConfiguration, message);
}
