namespace Velero.KubeEmulator.Diagnostics;

/// <summary>One served request. Verb is the Kubernetes verb (list, watch, create, ...) or the HTTP method for non-resource paths.</summary>
public sealed record RequestRecord(DateTimeOffset Time, string Method, string Verb, string Path, string Query, int Status,
    string User, string UserAgent, TimeSpan Duration);

/// <summary>The last requests served and per-verb counters, for assertions.</summary>
public interface IRequestLog
{
    IReadOnlyList<RequestRecord> Entries { get; }

    long Count(string verb);

    IReadOnlyDictionary<string, long> Counters { get; }

    void Clear();
}
