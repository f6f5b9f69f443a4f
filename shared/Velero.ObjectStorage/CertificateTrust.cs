using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Velero.ObjectStorage;

/// <summary>
/// TLS trust for one client: velero-plugin-for-aws appends the BSL's <c>caCert</c> to the system roots for that S3
/// client only, and the CLI its <c>--cacert</c> bundle for one download; <c>insecureSkipTLSVerify</c> accepts any
/// certificate. Process-wide trust is untouched.
/// </summary>
public sealed class CertificateTrust(X509Certificate2Collection? extraRoots, bool insecureSkipVerify)
{
    /// <summary>A chain was refused: what upstream's CLI turns into its "signed by unknown authority" hint.</summary>
    public bool ChainRefused { get; private set; }

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
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is not X509Certificate2 leaf)
        {
            return false;
        }

        var trusted = extraRoots is { Count: > 0 } && BuildWithExtraRoots(leaf, chain);
        ChainRefused |= !trusted;
        return trusted;
    }

    private bool BuildWithExtraRoots(X509Certificate2 leaf, X509Chain? chain)
    {
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(extraRoots!);
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
