using Velero.Selection.Namespaces;
using static Velero.Selection.Tests.Support.Specs;

namespace Velero.Selection.Tests.Namespaces;

public sealed class NamespacePatternValidatorTests
{
    private const string Dns =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end "
        + "with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    public static TheoryData<string?, string?, string[]> Cases => new()
    {
        { "*", null, [] },
        { "", null, [] }, // "" means "no namespace" to Velero
        { "app-*,ns?,db-[0-9]", "kube-*", [] },
        { "*,shop", null, ["includes list must either contain '*' only, or a non-empty list of items"] },
        { "*", "*", ["excludes list cannot contain '*'", "excludes list cannot contain an item in the includes list: *"] },
        { "shop", "shop", ["excludes list cannot contain an item in the includes list: shop"] },
        { "{a}", null, ["wildcard pattern contains unsupported characters: |, (, ), !, {, }, ,"] },
        { "a|b", null, ["wildcard pattern contains unsupported characters: |, (, ), !, {, }, ,"] },
        { "a**", null, ["wildcard pattern contains consecutive asterisks (only single * allowed)"] },
        { "a[]", null, ["wildcard pattern contains empty bracket pattern '[]'"] },
        { "a[b", null, ["wildcard pattern contains unclosed bracket '['"] },
        { "a]b", null, ["wildcard pattern contains unmatched closing bracket ']'"] },
        { "Shop", null, [$"invalid namespace \"Shop\": {Dns}"] },
        { "shop_1", null, [$"invalid namespace \"shop_1\": {Dns}"] },
        { "-shop", "bad.name", [$"invalid namespace \"-shop\": {Dns}", $"invalid namespace \"bad.name\": {Dns}"] },
        { new string('a', 64), null, [$"invalid namespace \"{new string('a', 64)}\": must be no more than 63 characters"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validates_like_ValidateNamespaceIncludesExcludes(string? includes, string? excludes, string[] expected) =>
        Assert.Equal(expected, NamespacePatternValidator.Validate(List(includes), List(excludes)));
}
