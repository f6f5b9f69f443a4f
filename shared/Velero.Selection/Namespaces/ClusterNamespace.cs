namespace Velero.Selection.Namespaces;

/// <summary>
/// A namespace as the caller listed it from the cluster. <paramref name="IsActive"/> is false for a namespace in phase
/// <c>Terminating</c>: upstream still expands patterns against it but never backs up its Namespace object.
/// </summary>
public sealed record ClusterNamespace(string Name, IReadOnlyDictionary<string, string>? Labels = null, bool IsActive = true)
{
    /// <summary>Labelled <c>velero.io/exclude-from-backup=true</c> (spec 4.2).</summary>
    public bool IsExcludedFromBackup =>
        Labels is not null
        && Labels.TryGetValue(Velero.Api.WellKnown.ExcludeFromBackupLabel, out var value)
        && value == Velero.Api.WellKnown.ExcludeFromBackupTrue;
}
