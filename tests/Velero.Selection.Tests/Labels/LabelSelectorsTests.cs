using k8s.Models;
using Velero.Selection.Labels;
using static Velero.Selection.Tests.Support.Specs;

namespace Velero.Selection.Tests.Labels;

public sealed class LabelSelectorsTests
{
    public static TheoryData<V1LabelSelector, string> FormatCases => new()
    {
        { Selector("app=web"), "app=web" },
        { Selector("tier=front,app=web"), "app=web,tier=front" },
        { Selector(null, Expr("env", "In", "prod", "dev")), "env in (dev,prod)" },
        { Selector(null, Expr("env", "NotIn", "qa")), "env notin (qa)" },
        { Selector(null, Expr("critical", "Exists")), "critical" },
        { Selector(null, Expr("legacy", "DoesNotExist")), "!legacy" },
        { Selector("b=1", Expr("a", "Exists"), Expr("c", "DoesNotExist")), "a,b=1,!c" },
        { new V1LabelSelector(), "<none>" },
        { Selector(null, Expr("env", "In")), "<error>" },
        { Selector(null, Expr("env", "Exists", "x")), "<error>" },
        { Selector(null, Expr("env", "Gt", "1")), "<error>" },
    };

    [Theory]
    [MemberData(nameof(FormatCases))]
    public void Formats_like_FormatLabelSelector(V1LabelSelector selector, string expected) =>
        Assert.Equal(expected, LabelSelectors.Format(selector));

    public static TheoryData<V1LabelSelector, string, bool> MatchCases => new()
    {
        { new V1LabelSelector(), "", true },
        { Selector("app=web"), "app=web,tier=front", true },
        { Selector("app=web"), "app=db", false },
        { Selector("app=web"), "", false },
        { Selector(null, Expr("env", "In", "prod", "dev")), "env=dev", true },
        { Selector(null, Expr("env", "In", "prod")), "env=dev", false },
        { Selector(null, Expr("env", "In", "prod")), "", false },
        { Selector(null, Expr("env", "NotIn", "prod")), "", true }, // a missing key satisfies notin
        { Selector(null, Expr("env", "NotIn", "prod")), "env=prod", false },
        { Selector(null, Expr("env", "Exists")), "env=", true },
        { Selector(null, Expr("env", "DoesNotExist")), "env=x", false },
        { Selector("app=web", Expr("env", "DoesNotExist")), "app=web", true },
        { Selector(null, Expr("env", "In")), "env=x", false }, // invalid selectors match nothing
    };

    [Theory]
    [MemberData(nameof(MatchCases))]
    public void Matches_in_memory(V1LabelSelector selector, string labels, bool expected) =>
        Assert.Equal(expected, LabelSelectors.Matches(selector, LabelMap(labels)));
}
