using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Velero.KubeEmulator.Engine;
using Velero.KubeEmulator.Json;

namespace Velero.KubeEmulator.Auth;

/// <summary>
/// Mints ServiceAccount tokens for the TokenRequest API (JWTs signed with a per-instance key, HS256 rather
/// than RS256 since nothing outside verifies them) and authenticates bearer tokens: the admin token, or a
/// minted token whose ServiceAccount still exists with the same uid and which has not expired.
/// </summary>
public sealed class TokenIssuer(Cluster cluster)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string AdminToken { get; } = "emulator-admin-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public (string Token, DateTimeOffset Expires) Mint(string ns, string serviceAccount, string uid, IReadOnlyList<string> audiences, long seconds)
    {
        var now = cluster.Clock.GetUtcNow();
        var expires = now.AddSeconds(seconds);
        var header = new JsonObject { ["alg"] = "HS256", ["kid"] = "emulator" };
        var payload = new JsonObject
        {
            ["aud"] = new JsonArray([.. audiences.Select(a => (JsonNode)a)]),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["iss"] = "https://kubernetes.default.svc.cluster.local",
            ["kubernetes.io"] = new JsonObject
            {
                ["namespace"] = ns,
                ["serviceaccount"] = new JsonObject { ["name"] = serviceAccount, ["uid"] = uid },
            },
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["sub"] = $"system:serviceaccount:{ns}:{serviceAccount}",
        };
        var unsigned = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return (unsigned + "." + Base64Url(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(unsigned))), expires);
    }

    public Identity? Authenticate(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(AdminToken)))
        {
            return Identity.Admin;
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        var expected = Base64Url(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(parts[0] + "." + parts[1])));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(parts[2])))
        {
            return null;
        }

        var payload = JsonNode.Parse(FromBase64Url(parts[1]))!;
        if (payload["exp"]!.GetValue<long>() < cluster.Clock.GetUtcNow().ToUnixTimeSeconds())
        {
            return null;
        }

        var ns = Meta.Str(payload["kubernetes.io"], "namespace")!;
        var sa = payload["kubernetes.io"]!["serviceaccount"]!;
        var stored = cluster.Store.Get(cluster.Type("", "serviceaccounts").StorageKey, ns, Meta.Str(sa, "name")!);
        return stored is not null && stored.Uid == Meta.Str(sa, "uid") ? Identity.ForServiceAccount(ns, stored.Name) : null;
    }

    private static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}
