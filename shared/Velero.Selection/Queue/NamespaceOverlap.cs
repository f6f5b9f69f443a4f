using Velero.Api.V1;
using Velero.Selection.Namespaces;

namespace Velero.Selection.Queue;

/// <summary>
/// The 1.18 queue's namespace conflict rule (<c>detectNSConflictsInternal</c>/<c>namespacesForBackup</c> in
/// <c>pkg/controller/backup_queue_controller.go</c>): two backups may not run together when the namespace sets they
/// resolve to, against the cluster's namespaces now, share a namespace.
/// </summary>
public static class NamespaceOverlap
{
    /// <summary>
    /// The namespaces a backup covers, or null when that cannot be decided (a pattern the backup controller rejects). Upstream treats an
    /// invalid pattern as "no namespaces" (never conflicting, the backup then fails validation); callers here get null
    /// so that <see cref="CanOverlap"/> can stay on the safe side.
    /// </summary>
    public static IReadOnlySet<string>? NamespacesOf(BackupSpec spec, IReadOnlyList<string> clusterNamespaces)
    {
        var patterns = (spec.IncludedNamespaces ?? []).Concat(spec.ExcludedNamespaces ?? []);
        if (patterns.Any(p => NamespacePatternValidator.ValidatePattern(p) is not null))
        {
            return null;
        }

        try
        {
            var filter = NamespaceFilter.Create(spec.IncludedNamespaces, spec.ExcludedNamespaces, clusterNamespaces);
            return new HashSet<string>(filter.ResolveNamespaceList(), StringComparer.Ordinal);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>True when the two backups share a namespace, or when either one cannot be resolved.</summary>
    public static bool CanOverlap(BackupSpec first, BackupSpec second, IReadOnlyList<string> clusterNamespaces)
    {
        var a = NamespacesOf(first, clusterNamespaces);
        var b = NamespacesOf(second, clusterNamespaces);
        return a is null || b is null || a.Overlaps(b);
    }
}
