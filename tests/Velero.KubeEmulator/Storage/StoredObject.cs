namespace Velero.KubeEmulator.Storage;

/// <summary>
/// One stored object: its serialized JSON plus what selectors and routing need without parsing it.
/// Immutable; the bytes are written straight into responses, which keeps LIST fast and memory low.
/// </summary>
public sealed class StoredObject(string apiVersion, string ns, string name, long resourceVersion, string uid, byte[] json,
    IReadOnlyDictionary<string, string>? labels)
{
    /// <summary>The version it was written in; reads in another version rewrite apiVersion (no conversion webhooks).</summary>
    public string ApiVersion { get; } = apiVersion;

    /// <summary>Empty for cluster-scoped objects.</summary>
    public string Namespace { get; } = ns;
    public string Name { get; } = name;
    public long ResourceVersion { get; } = resourceVersion;
    public string Uid { get; } = uid;
    public byte[] Json { get; } = json;
    public IReadOnlyDictionary<string, string> Labels { get; } = labels ?? Empty;

    private static readonly Dictionary<string, string> Empty = [];
}

/// <summary>A change as watchers see it; Previous lets a filtered watch turn a change into ADDED or DELETED.</summary>
public sealed record WatchEvent(string Type, string StorageKey, StoredObject Current, StoredObject? Previous);

/// <summary>The outcome of a conditional write.</summary>
public enum CommitStatus
{
    Ok,
    AlreadyExists,
    NotFound,
    Conflict,
}

public readonly record struct CommitResult(CommitStatus Status, StoredObject? Stored);
