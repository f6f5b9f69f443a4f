namespace Velero.Selection.Globs;

/// <summary>
/// Velero's <c>IncludesExcludes</c> (<c>pkg/util/collections/includes_excludes.go</c>): everything in the includes
/// except what the excludes match; empty includes or <c>*</c> mean everything; excludes always win. Items are glob
/// patterns.
/// </summary>
public sealed class IncludesExcludes
{
    public IncludesExcludes(IEnumerable<string>? includes = null, IEnumerable<string>? excludes = null)
    {
        Includes = new GlobSet(includes);
        Excludes = new GlobSet(excludes);
    }

    public GlobSet Includes { get; }

    public GlobSet Excludes { get; }

    public bool ShouldInclude(string value) =>
        !Excludes.Match(value) && (Includes.Count == 0 || Includes.Has("*") || Includes.Match(value));

    /// <summary>Includes empty or exactly <c>*</c>, and no excludes at all.</summary>
    public bool IncludeEverything() =>
        Excludes.Count == 0 && (Includes.Count == 0 || (Includes.Count == 1 && Includes.Has("*")));

    /// <summary>Upstream's log rendering: the includes joined by ", ", or <c>*</c>.</summary>
    public string IncludesString() => Includes.Count == 0 ? "*" : string.Join(", ", Includes.Items);

    /// <summary>Upstream's log rendering: the excludes joined by ", ", or <c>&lt;none&gt;</c>.</summary>
    public string ExcludesString() => Excludes.Count == 0 ? "<none>" : string.Join(", ", Excludes.Items);
}
