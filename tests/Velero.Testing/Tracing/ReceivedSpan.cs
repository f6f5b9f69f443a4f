namespace Velero.Testing.Tracing;

/// <summary>A span as a service exported it over OTLP.</summary>
public sealed record ReceivedSpan(
    string ServiceName,
    string Scope,
    string Name,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    IReadOnlyDictionary<string, string> Attributes);
