using Velero.Api.V1;
using Velero.Selection.Hooks;
using Velero.Selection.Tests.Support;
using static Velero.Selection.Tests.Support.Specs;

namespace Velero.Selection.Tests.Hooks;

public sealed class HookSelectorTests
{
    [Theory]
    [InlineData(null, null, null, null, null, "pods", "shop", "", true)]
    [InlineData("shop", null, null, null, null, "pods", "db", "", false)]
    [InlineData("sh*", null, null, null, null, "pods", "shop", "", true)] // globs, not expanded against the cluster
    [InlineData(null, "shop", null, null, null, "pods", "shop", "", false)]
    [InlineData(null, null, "pods", null, null, "pods", "shop", "", true)]
    [InlineData(null, null, "po", null, null, "pods", "shop", "", true)]
    [InlineData(null, null, "deployments", null, null, "pods", "shop", "", false)]
    [InlineData(null, null, null, "pod", null, "pods", "shop", "", false)]
    [InlineData(null, null, null, null, "app=web", "pods", "shop", "app=web", true)]
    [InlineData(null, null, null, null, "app=web", "pods", "shop", "app=db", false)]
    public void Applies_to(
        string? includedNs, string? excludedNs, string? includedResources, string? excludedResources, string? selector,
        string groupResource, string ns, string labels, bool expected)
    {
        var hook = new BackupResourceHookSpec
        {
            Name = "h",
            IncludedNamespaces = List(includedNs),
            ExcludedNamespaces = List(excludedNs),
            IncludedResources = List(includedResources),
            ExcludedResources = List(excludedResources),
            LabelSelector = selector is null ? null : Selector(selector),
        };
        Assert.Equal(expected, new HookSelector(hook, BuiltInDiscovery.Model()).AppliesTo(groupResource, ns, LabelMap(labels)));
    }
}
