using System.Security.Cryptography;
using System.Text.Json;

namespace Velero.ObjectStorage.Tests.Gcp;

/// <summary>
/// A service account key JSON, as the GCP console downloads it, around an RSA key made for the test run (one key
/// for all tests: generating 2048-bit keys per test costs seconds on a loaded machine).
/// </summary>
internal static class TestServiceAccount
{
    public const string Email = "velero@test-project.iam.gserviceaccount.com";

    public static RSA Key { get; } = RSA.Create(2048);

    public static string Json => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["type"] = "service_account",
        ["project_id"] = "test-project",
        ["private_key_id"] = "0123456789abcdef",
        ["private_key"] = Key.ExportPkcs8PrivateKeyPem() + "\n",
        ["client_email"] = Email,
        ["client_id"] = "1234567890",
        ["token_uri"] = "https://oauth2.googleapis.com/token",
    });
}
