using System.Security.Cryptography;
using System.Text;

namespace Velero.KubeEmulator.Engine;

/// <summary>Deterministic UUIDs (v5-style layout) so a restarted emulator keeps its cluster id.</summary>
internal static class StableIds
{
    public static string For(string seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        hash[6] = (byte)((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3f) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }

    private const string NameChars = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>The 5-character suffix of generateName, from the same alphabet as the real server.</summary>
    public static string NameSuffix()
    {
        Span<char> chars = stackalloc char[5];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = NameChars[RandomNumberGenerator.GetInt32(NameChars.Length)];
        }

        return new string(chars);
    }
}
