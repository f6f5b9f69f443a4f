namespace Velero.KubeEmulator.Faults;

public enum FaultKind
{
    /// <summary>429 TooManyRequests with Retry-After, as API priority and fairness answers.</summary>
    TooManyRequests,

    /// <summary>500 InternalError.</summary>
    InternalError,

    /// <summary>The connection is dropped without an answer.</summary>
    DropConnection,
}

/// <summary>A share (0..1) of the requests matching the filters gets the fault.</summary>
public sealed record FaultRule(FaultKind Kind, double Share)
{
    /// <summary>Only this verb (get, list, watch, create, update, patch, delete, ...), when set.</summary>
    public string? Verb { get; init; }

    /// <summary>Only paths containing this text, when set.</summary>
    public string? PathContains { get; init; }

    public int RetryAfterSeconds { get; init; } = 1;
}

/// <summary>Faults switchable at run time. /version, /healthz and discovery are never faulted unless a rule's path says so.</summary>
public interface IFaultInjector
{
    /// <summary>Added to every request before it is served.</summary>
    TimeSpan Latency { get; set; }

    void Add(FaultRule rule);

    void Clear();

    IReadOnlyList<FaultRule> Rules { get; }
}
