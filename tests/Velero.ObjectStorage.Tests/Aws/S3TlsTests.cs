using System.Security.Cryptography.X509Certificates;

namespace Velero.ObjectStorage.Tests.Aws;

/// <summary>caCert and insecureSkipTLSVerify, end to end over a real TLS handshake on loopback.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync")]
public sealed class S3TlsTests : IAsyncLifetime
{
    private readonly X509Certificate2 _ca = TestCertificates.CreateCa("Velero Test CA");
    private readonly X509Certificate2 _otherCa = TestCertificates.CreateCa("Someone Else");
    private X509Certificate2? _serverCertificate;
    private TlsStubServer? _server;

    public Task InitializeAsync()
    {
        _serverCertificate = TestCertificates.CreateServer(_ca, "s3.local");
        _server = new TlsStubServer(_serverCertificate);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        _serverCertificate!.Dispose();
        _ca.Dispose();
        _otherCa.Dispose();
    }

    private IObjectStore Store(string? caCert = null, bool insecure = false)
    {
        var config = new Dictionary<string, string> { ["s3Url"] = _server!.Url, ["s3ForcePathStyle"] = "true" };
        if (insecure)
        {
            config["insecureSkipTLSVerify"] = "true";
        }

        return new ObjectStoreFactory().CreateStore(new BackupStorageLocationConfig
        {
            Provider = "aws",
            Bucket = "bucket",
            Config = config,
            CaCert = caCert,
            Credentials = "[default]\naws_access_key_id=AKID\naws_secret_access_key=secret\n"u8.ToArray(),
        });
    }

    [Fact]
    public async Task The_locations_caCert_makes_the_servers_certificate_trusted()
    {
        using var store = Store(caCert: _ca.ExportCertificatePem());

        Assert.False(await store.ExistsAsync("backups/b/velero-backup.json"));
    }

    [Fact]
    public async Task InsecureSkipTLSVerify_skips_verification()
    {
        using var store = Store(insecure: true);

        Assert.False(await store.ExistsAsync("backups/b/velero-backup.json"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_untrusted_certificate_is_a_clear_TLS_error(bool withOtherCa)
    {
        using var store = Store(caCert: withOtherCa ? _otherCa.ExportCertificatePem() : null);

        var e = await Assert.ThrowsAsync<ObjectStorageException>(() => store.ExistsAsync("backups/b/velero-backup.json"));

        Assert.Equal(ObjectStorageErrorKind.Unreachable, e.Kind);
        Assert.Contains("TLS handshake failed", e.Message, StringComparison.Ordinal);
    }
}
