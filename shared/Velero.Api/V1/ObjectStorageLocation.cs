using System.Diagnostics.CodeAnalysis;
using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.V1;

public sealed class ObjectStorageLocation
{
    [CrdRequired]
    public string? Bucket { get; set; }

    public string? Prefix { get; set; }

    /// <summary>Deprecated PEM bundle (base64 in JSON); setting it together with <see cref="CaCertRef"/> is invalid.</summary>
    [SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "Go []byte: base64 in JSON.")]
    public byte[]? CaCert { get; set; }

    /// <summary>Secret key (same namespace) holding the CA bundle.</summary>
    public V1SecretKeySelector? CaCertRef { get; set; }
}
