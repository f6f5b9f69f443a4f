using System.Security.Cryptography;
using System.Text;

namespace Velero.Selection.Labels;

/// <summary>Label values derived from names (spec 1.8, <c>label.GetValidName</c> in <c>pkg/label/label.go</c>).</summary>
public static class LabelValues
{
    private const int MaxLength = 63;

    /// <summary>Up to 63 characters unchanged; longer: the first 57 and the first 6 hex digits of its SHA-256.</summary>
    public static string GetValidName(string value)
    {
        if (value.Length <= MaxLength)
        {
            return value;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        return value[..(MaxLength - 6)] + hash[..6];
    }
}
