using Velero.Selection.Globs;
using static Velero.Selection.Tests.Support.Specs;

namespace Velero.Selection.Tests.Globs;

public sealed class IncludesExcludesValidatorTests
{
    public static TheoryData<string?, string?, string[]> OldFilterCases => new()
    {
        { null, null, [] },
        { "*", null, [] },
        { "pods,secrets", "configmaps", [] },
        { "*,pods", null, ["includes list must either contain '*' only, or a non-empty list of items"] },
        { null, "*", ["excludes list cannot contain '*'"] },
        { "pods,secrets", "secrets,pods", [
            "excludes list cannot contain an item in the includes list: pods",
            "excludes list cannot contain an item in the includes list: secrets"] },
        { "*,a", "*,a", [
            "includes list must either contain '*' only, or a non-empty list of items",
            "excludes list cannot contain '*'",
            "excludes list cannot contain an item in the includes list: *",
            "excludes list cannot contain an item in the includes list: a"] },
    };

    [Theory]
    [MemberData(nameof(OldFilterCases))]
    public void Old_filters_and_namespaces(string? includes, string? excludes, string[] expected) =>
        Assert.Equal(expected, IncludesExcludesValidator.Validate(List(includes), List(excludes)));

    public static TheoryData<string?, string?, string[]> ScopedCases => new()
    {
        { null, "*", [] },
        { "*", null, [] },
        { "storageclasses", "clusterroles", [] },
        { "*,pods", null, ["includes list must either contain '*' only, or a non-empty list of items"] },
        { null, "*,pods", ["excludes list must either contain '*' only, or a non-empty list of items"] },
        { "pods", "*", ["when exclude is '*', include cannot have value"] },
        { "pods", "pods", ["excludes list cannot contain an item in the includes list: pods"] },
    };

    [Theory]
    [MemberData(nameof(ScopedCases))]
    public void Scoped_filters_allow_excluding_everything(string? includes, string? excludes, string[] expected) =>
        Assert.Equal(expected, IncludesExcludesValidator.ValidateScoped(List(includes), List(excludes)));
}
