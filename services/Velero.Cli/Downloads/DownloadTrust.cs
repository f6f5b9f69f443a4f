using System.Security.Cryptography.X509Certificates;
using Velero.ObjectStorage;

namespace Velero.Cli.Downloads;

/// <summary>
/// The TLS trust of one download, as upstream's CLI builds it: the system roots plus the <c>--cacert</c> bundle or
/// the location's CA certificate, or anything with <c>--insecure-skip-tls-verify</c>. Validation is the object
/// store's <see cref="CertificateTrust"/>.
/// </summary>
internal static class DownloadTrust
{
    /// <summary>The bundle of <paramref name="settings"/>; an unreadable <c>--cacert</c> falls back to the location's, with a warning.</summary>
    public static CertificateTrust For(DownloadSettings settings, TextWriter warnings)
    {
        var roots = new X509Certificate2Collection();
        if (!string.IsNullOrEmpty(settings.CaCertFile))
        {
            string pem;
            try
            {
                pem = File.ReadAllText(settings.CaCertFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var reason = e is FileNotFoundException or DirectoryNotFoundException ? "no such file or directory" : e.Message;
                if (string.IsNullOrEmpty(settings.StorageLocationCaCert))
                {
                    throw new DownloadFailedException($"couldn't open cacert: open {settings.CaCertFile}: {reason}");
                }

                warnings.WriteLine($"Warning: Failed to open CA certificate file {settings.CaCertFile}: open {settings.CaCertFile}: {reason}. "
                    + "Using CA certificate from backup storage location instead.");
                pem = settings.StorageLocationCaCert;
            }

            Append(roots, pem);
        }
        else if (!string.IsNullOrEmpty(settings.StorageLocationCaCert))
        {
            Append(roots, settings.StorageLocationCaCert);
        }

        return new CertificateTrust(roots, settings.InsecureSkipTlsVerify);
    }

    // Like Go's AppendCertsFromPEM: what is not a certificate is skipped, not an error.
    private static void Append(X509Certificate2Collection roots, string pem)
    {
        try
        {
            roots.ImportFromPem(pem);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
        }
    }
}
