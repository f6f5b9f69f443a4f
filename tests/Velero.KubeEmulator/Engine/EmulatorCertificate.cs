namespace Velero.KubeEmulator.Engine;

/// <summary>
/// The CA bundle published in every kube-root-ca.crt ConfigMap. The emulator serves plain HTTP, so nothing
/// verifies against it; it is a well-formed placeholder so code that parses the bundle finds a PEM block.
/// </summary>
internal static class EmulatorCertificate
{
    public const string Pem = """
        -----BEGIN CERTIFICATE-----
        MIIBdzCCAR2gAwIBAgIBADAKBggqhkjOPQQDAjAjMSEwHwYDVQQDDBhrM3Mtc2Vy
        dmVyLWNhQDE3MDAwMDAwMDAwHhcNMjQwMTAxMDAwMDAwWhcNMzQwMTAxMDAwMDAw
        WjAjMSEwHwYDVQQDDBhrM3Mtc2VydmVyLWNhQDE3MDAwMDAwMDAwWTATBgcqhkjO
        PQIBBggqhkjOPQMBBwNCAAQemulatoremulatoremulatoremulatoremulatorem
        ulatoremulatoremulatoremulatoremulatoremulatoremulatoremulatoroKN
        CMEAwDgYDVR0PAQH/BAQDAgKkMA8GA1UdEwEB/wQFMAMBAf8wHQYDVR0OBBYEFEMU
        TEFUT1JFTVVMQVRPUkVNVUxBVE9SMAoGCCqGSM49BAMCA0gAMEUCIQDemulatorAI
        BAgIgRW11bGF0b3JFbXVsYXRvckVtdWxhdG9yRW11bGF0b3I=
        -----END CERTIFICATE-----

        """;
}
