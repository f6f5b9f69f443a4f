using k8s.Models;

namespace Velero.Scheduler.Requests;

/// <summary>
/// The annotations that tie a Backup or Restore to the bus request that created it. The correlation id is also
/// honoured on a resource a user created by hand: its events then carry it as well.
/// </summary>
internal static class RequestAnnotations
{
    public const string RequestIdKey = "velero-services.io/request-id";

    public const string CorrelationIdKey = "velero-services.io/correlation-id";

    /// <summary>The annotations a request's resource is created with.</summary>
    public static Dictionary<string, string> For(RequestTicket ticket) => new(StringComparer.Ordinal)
    {
        [RequestIdKey] = ticket.RequestId.ToString(),
        [CorrelationIdKey] = ticket.CorrelationId,
    };

    public static string? CorrelationId(V1ObjectMeta? metadata) => Value(metadata, CorrelationIdKey);

    public static string? RequestId(V1ObjectMeta? metadata) => Value(metadata, RequestIdKey);

    private static string? Value(V1ObjectMeta? metadata, string key) =>
        metadata?.Annotations is { } annotations && annotations.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value)
            ? value
            : null;
}
