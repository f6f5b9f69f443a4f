namespace Velero.ObjectStorage;

/// <summary>
/// What a BackupStorageLocation says about its object storage (spec 3.4), resolved by the caller: the Secret key
/// named by <c>spec.credential</c> is passed as its bytes, never as a path, and <c>caCertRef</c> as the PEM text.
/// </summary>
public sealed record BackupStorageLocationConfig
{
    /// <summary><c>aws</c>, <c>velero.io/aws</c>, <c>fs</c>, <c>velero.io/fs</c>.</summary>
    public required string Provider { get; init; }

    public required string Bucket { get; init; }

    public string? Prefix { get; init; }

    /// <summary><c>spec.config</c> as the user wrote it.</summary>
    public IReadOnlyDictionary<string, string> Config { get; init; } = new Dictionary<string, string>();

    /// <summary><c>objectStorage.caCert</c> or the <c>caCertRef</c> Secret key, PEM.</summary>
    public string? CaCert { get; init; }

    /// <summary>The content of the <c>spec.credential</c> Secret key (AWS shared-credentials INI for aws).</summary>
    public ReadOnlyMemory<byte>? Credentials { get; init; }

    /// <summary>
    /// The 32-byte SSE-C key the <c>customerKeyEncryptionSecret</c> config key names (<c>secret/key</c>): reading
    /// Secrets is the caller's job, so the library stays free of Kubernetes.
    /// </summary>
    public ReadOnlyMemory<byte>? CustomerEncryptionKey { get; init; }

    /// <summary>The BackupStorageLocation's name, used in validation messages as upstream does.</summary>
    public string? Name { get; init; }

    // A record prints every property; keep key material out of anything that logs this object.
    public override string ToString() =>
        $"BackupStorageLocationConfig {{ Name = {Name}, Provider = {Provider}, Bucket = {Bucket}, Prefix = {Prefix} }}";
}
