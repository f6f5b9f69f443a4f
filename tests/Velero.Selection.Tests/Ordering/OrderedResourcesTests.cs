using Velero.Selection.Ordering;

namespace Velero.Selection.Tests.Ordering;

public sealed class OrderedResourcesTests
{
    private static readonly (string Ns, string Name)[] Pods = [("ns1", "a"), ("ns1", "b"), ("ns1", "c"), ("ns2", "a")];

    [Theory]
    [InlineData("ns1/c,ns2/a", "ns1/c*,ns2/a*,ns1/a,ns1/b")]
    [InlineData("ns1/b,missing/x,ns1/a", "ns1/b*,ns1/a*,ns1/c,ns2/a")]
    [InlineData("", "ns1/a,ns1/b,ns1/c,ns2/a")]
    [InlineData("ns1/c, ns1/a", "ns1/c*,ns1/a,ns1/b,ns2/a")] // no trimming: " ns1/a" names nothing
    public void Listed_items_come_first_in_order_and_are_flagged(string order, string expected)
    {
        var map = new Dictionary<string, string> { ["pods"] = order };
        var sorted = OrderedResources.Sort(Pods, OrderedResources.ForResource(map, "pods"), p => p.Ns, p => p.Name);
        Assert.Equal(expected, string.Join(",", sorted.Select(s => $"{s.Item.Ns}/{s.Item.Name}{(s.Ordered ? "*" : "")}")));
    }

    [Fact]
    public void Cluster_scoped_items_are_named_without_namespace()
    {
        (string Ns, string Name)[] pvs = [("", "pv-1"), ("", "pv-2")];
        var sorted = OrderedResources.Sort(pvs, ["pv-2"], p => p.Ns, p => p.Name);
        Assert.Equal(["pv-2", "pv-1"], sorted.Select(s => s.Item.Name));
    }

    [Theory]
    [InlineData("pods.")]
    [InlineData("pod")]
    [InlineData("deployments")]
    public void The_map_is_keyed_by_the_plain_plural_only(string key) =>
        Assert.Empty(OrderedResources.ForResource(new Dictionary<string, string> { [key] = "ns1/a" }, "pods"));

    [Fact]
    public void Parses_the_cli_form()
    {
        var map = OrderedResources.ParseCli("pods=ns1/pod1,ns1/pod2; persistentvolumeclaims = ns1/pvc4,ns1/pvc8");
        Assert.Equal("ns1/pod1,ns1/pod2", map["pods"]);
        Assert.Equal("ns1/pvc4,ns1/pvc8", map["persistentvolumeclaims"]);
    }

    [Theory]
    [InlineData("", "invalid OrderedResources ''")]
    [InlineData("pods", "invalid OrderedResources 'pods'")]
    [InlineData("pods=a=b", "invalid OrderedResources 'pods=a=b'")]
    public void Rejects_bad_cli_entries_like_ParseOrderedResources(string value, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => OrderedResources.ParseCli(value)).Message);

    [Fact]
    public void Consecutive_ordered_items_of_one_type_share_an_item_block()
    {
        OrderedItem<(string Type, string Name)>[] items =
        [
            new(("pods", "a"), true), new(("pods", "b"), true), new(("pods", "c"), false),
            new(("pvc", "x"), true), new(("pvc", "y"), true),
        ];
        Assert.Equal(
            [true, false, false, true, false],
            Enumerable.Range(0, items.Length).Select(i => OrderedResources.JoinsNextBlock(items, i, t => t.Type)));
    }
}
