using System.Security.Cryptography;
using System.Text;

namespace Velero.BackupFormat.Layout;

/// <summary>Label values made from names (spec 1.8), so a long backup name still makes a valid label.</summary>
public static class LabelValues
{
    private const int MaxLength = 63;

    /// <summary>
    /// Upstream's <c>GetValidName</c>: names of up to 63 characters are kept; longer ones become their first 57
    /// characters and the first 6 hex digits of the SHA-256 of the whole name.
    /// </summary>
    public static string GetValidName(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
        return name[..57] + hash[..6];
    }
}
