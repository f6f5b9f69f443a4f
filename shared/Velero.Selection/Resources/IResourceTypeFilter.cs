namespace Velero.Selection.Resources;

/// <summary>
/// Upstream's <c>IncludesExcludesInterface</c>: which resource types a backup lists (<see cref="ShouldInclude"/>) and
/// which additional items of cluster-scoped types it refuses (<see cref="ShouldExclude"/>). Type names are
/// <c>resource.group</c>.
/// </summary>
public interface IResourceTypeFilter
{
    bool ShouldInclude(string groupResource);

    bool ShouldExclude(string groupResource);
}
