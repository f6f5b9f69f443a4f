using Velero.Cli.CommandLine;

namespace Velero.Cli.Tests.CommandLine;

public sealed class FlagParsingTests
{
    private static (Command Root, Flag<string> Name, Flag<bool> Wait, Flag<IReadOnlyList<string>> Namespaces,
        Flag<IReadOnlyDictionary<string, string>> Labels, Flag<TimeSpan> Ttl, Flag<bool?> Cluster) Tree()
    {
        var root = new Command("velero", "root");
        root.PersistentFlags.String("namespace", "n", "velero", "ns");
        var create = new Command("create NAME", "create") { Args = ArgsRule.Exactly(1), Run = _ => Task.FromResult(0) };
        var name = create.Flags.String("storage-location", null, "", "where");
        var wait = create.Flags.Bool("wait", "w", false, "wait");
        var namespaces = create.Flags.StringSlice("include-namespaces", null, "which", ["*"]);
        var labels = create.Flags.Map("labels", null, "labels");
        var ttl = create.Flags.Duration("ttl", null, TimeSpan.FromHours(720), "ttl");
        var cluster = create.Flags.OptionalBool("include-cluster-resources", null, "cluster");
        root.Add(new Command("backup", "backups").Add(create));
        return (root, name, wait, namespaces, labels, ttl, cluster);
    }

    [Fact]
    public void Flags_take_every_pflag_spelling_and_may_come_anywhere_after_the_command()
    {
        var (root, location, wait, namespaces, labels, ttl, cluster) = Tree();

        var parsed = CommandParser.Parse(root, ["-n", "ops", "backup", "create", "--storage-location=s3", "nightly", "-w",
            "--include-namespaces", "a,b", "--include-namespaces=c", "--labels", "app=web,tier=1", "--ttl", "24h",
            "--include-cluster-resources"]);

        Assert.Equal("create", parsed.Command.Name);
        Assert.Equal(["nightly"], parsed.Args);
        Assert.Equal("s3", location.Value);
        Assert.True(wait.Value);
        Assert.Equal(["a", "b", "c"], namespaces.Value);
        Assert.Equal("web", labels.Value["app"]);
        Assert.Equal(TimeSpan.FromHours(24), ttl.Value);
        Assert.True(cluster.Value);
    }

    [Fact]
    public void Unset_flags_keep_their_defaults_and_tri_state_flags_stay_unset()
    {
        var (root, _, wait, namespaces, _, ttl, cluster) = Tree();

        CommandParser.Parse(root, ["backup", "create", "x", "--wait=false"]);

        Assert.False(wait.Value);
        Assert.True(wait.Changed);
        Assert.Equal(["*"], namespaces.Value);
        Assert.False(namespaces.Changed);
        Assert.Equal(TimeSpan.FromHours(720), ttl.Value);
        Assert.Null(cluster.Value);
    }

    [Fact]
    public void A_double_dash_ends_flags()
    {
        var (root, _, wait, _, _, _, _) = Tree();

        var parsed = CommandParser.Parse(root, ["backup", "create", "--", "-w"]);

        Assert.Equal(["-w"], parsed.Args);
        Assert.False(wait.Value);
    }

    [Theory]
    [InlineData(new[] { "backup", "create", "x", "--bogus" }, "unknown flag: --bogus")]
    [InlineData(new[] { "backup", "create", "x", "-z" }, "unknown shorthand flag: 'z' in -z")]
    [InlineData(new[] { "backup", "create", "x", "--ttl" }, "flag needs an argument: --ttl")]
    [InlineData(new[] { "backup", "create", "x", "--ttl", "1 day" }, "invalid argument \"1 day\" for \"--ttl\" flag: time: invalid duration \"1 day\"")]
    [InlineData(new[] { "backup", "create", "x", "--labels", "app" }, "invalid argument \"app\" for \"--labels\" flag: error parsing app")]
    [InlineData(new[] { "backup", "create", "x", "--wait=maybe" }, "invalid argument \"maybe\" for \"-w, --wait\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax")]
    [InlineData(new[] { "backup", "create" }, "accepts 1 arg(s), received 0")]
    [InlineData(new[] { "backup", "create", "a", "b" }, "accepts 1 arg(s), received 2")]
    public void Mistakes_are_reported_in_pflag_and_cobra_words(string[] args, string message)
    {
        var (root, _, _, _, _, _, _) = Tree();

        var error = Assert.Throws<UsageException>(() => CommandParser.Parse(root, args));

        Assert.Equal(message, error.Message);
    }
}
