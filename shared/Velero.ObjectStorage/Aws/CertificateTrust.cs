using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Velero.ObjectStorage.Aws;

/// <summary>
/// TLS trust for one S3 client: velero-plugin-for-aws appends the BSL's <c>caCert</c> to the system roots for
/// that client only, and <c>insecureSkipTLSVerify</c> accepts any certificate. Process-wide trust is untouched.
/// </summary>
internal sealed class CertificateTrust(X509Certificate2Collection? extraRoots, bool insecureSkipVerify)
{
    public static X509Certificate2Collection LoadPem(string pem)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPem(pem);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            roots.Clear();
        }

        return roots.Count > 0
            ? roots
            : throw new ObjectStorageException(ObjectStorageErrorKind.InvalidConfiguration, "caCert holds no PEM certificate");
    }

    public bool Validate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (insecureSkipVerify || errors == SslPolicyErrors.None)
        {
            return true;
        }

        // Only an untrusted chain can be fixed by an extra root; a wrong host name or no certificate cannot.
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || extraRoots is null || certificate is not X509Certificate2 leaf)
        {
            return false;
        }

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

        return custom.Build(leaf);
    }
}
