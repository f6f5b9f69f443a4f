using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Velero.ObjectStorage.Tests.Aws;

public sealed class CertificateTrustTests : IDisposable
{
    private readonly X509Certificate2 _ca = TestCertificates.CreateCa("Velero Test CA");
    private readonly X509Certificate2 _otherCa = TestCertificates.CreateCa("Someone Else");
    private readonly X509Certificate2 _leaf;

    public CertificateTrustTests() => _leaf = TestCertificates.CreateServer(_ca, "s3.local");

    public void Dispose()
    {
        _ca.Dispose();
        _otherCa.Dispose();
        _leaf.Dispose();
    }

    private static CertificateTrust TrustFor(X509Certificate2 root) =>
        new(CertificateTrust.LoadPem(root.ExportCertificatePem()), insecureSkipVerify: false);

    [Fact]
    public void A_server_certificate_issued_by_the_locations_caCert_is_trusted() =>
        Assert.True(TrustFor(_ca).Validate(_leaf, null, SslPolicyErrors.RemoteCertificateChainErrors));

    [Fact]
    public void A_certificate_from_another_CA_is_not() =>
        Assert.False(TrustFor(_otherCa).Validate(_leaf, null, SslPolicyErrors.RemoteCertificateChainErrors));

    [Fact]
    public void A_host_name_mismatch_is_never_forgiven_by_caCert() =>
        Assert.False(TrustFor(_ca).Validate(
            _leaf, null, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch));

    [Fact]
    public void Certificates_the_system_trusts_stay_trusted() =>
        Assert.True(TrustFor(_otherCa).Validate(_leaf, null, SslPolicyErrors.None));

    [Fact]
    public void InsecureSkipTLSVerify_accepts_anything() =>
        Assert.True(new CertificateTrust(null, insecureSkipVerify: true)
            .Validate(_leaf, null, SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors));

    [Fact]
    public void Without_caCert_an_untrusted_chain_is_refused() =>
        Assert.False(new CertificateTrust(null, insecureSkipVerify: false).Validate(_leaf, null, SslPolicyErrors.RemoteCertificateChainErrors));

    [Fact]
    public void A_pem_bundle_loads_every_certificate() =>
        Assert.Equal(2, CertificateTrust.LoadPem(_ca.ExportCertificatePem() + "\n" + _otherCa.ExportCertificatePem()).Count);
}
