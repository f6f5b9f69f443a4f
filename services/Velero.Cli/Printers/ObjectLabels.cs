using k8s.Models;

namespace Velero.Cli.Printers;

/// <summary>An object's labels as the table writer takes them for <c>-L</c> and <c>--show-labels</c>.</summary>
internal static class ObjectLabels
{
    public static IReadOnlyDictionary<string, string>? Of(V1ObjectMeta metadata) =>
        metadata.Labels is null ? null : new Dictionary<string, string>(metadata.Labels, StringComparer.Ordinal);
}
