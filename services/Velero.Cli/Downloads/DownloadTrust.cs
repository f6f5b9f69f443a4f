using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Velero.Cli.Downloads;

/// <summary>
/// TLS trust for one download, as upstream's CLI builds it: the system roots plus the <c>--cacert</c> bundle and the
/// location's CA certificate, or anything with <c>--insecure-skip-tls-verify</c>. Remembers whether a chain was
/// refused, which upstream's "signed by unknown authority" hint needs.
/// </summary>
internal sealed class DownloadTrust(X509Certificate2Collection extraRoots, bool insecureSkipVerify)
{
    public bool ChainRefused { get; private set; }

    /// <summary>The bundle of <paramref name="settings"/>; an unreadable <c>--cacert</c> falls back to the location's, with a warning.</summary>
    public static DownloadTrust For(DownloadSettings settings, TextWriter warnings)
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

        return new DownloadTrust(roots, settings.InsecureSkipTlsVerify);
    }

    public bool Validate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (insecureSkipVerify || errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is not X509Certificate2 leaf)
        {
            return false;
        }

        var trusted = false;
        if (extraRoots.Count > 0)
        {
            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.AddRange(extraRoots);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (chain is not null)
            {
                foreach (var element in chain.ChainElements)
                {
                    custom.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }

            trusted = custom.Build(leaf);
        }

        ChainRefused |= !trusted;
        return trusted;
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
