using k8s.Models;
using Velero.Api.V1;
using Velero.Cli.Tests.Support;

namespace Velero.Cli.Tests.Client;

public sealed class ClientConfigTests(CliCluster cluster) : IClassFixture<CliCluster>, IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("velero-cli-home-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Set_then_get_round_trips_through_the_config_file()
    {
        var set = await CliRunner.RunAsync(["client", "config", "set", "namespace=backup-system", "features=EnableCSI", "colorized=false", "bogus"], home: _home);
        var all = await CliRunner.RunAsync(["client", "config", "get"], home: _home);
        var some = await CliRunner.RunAsync(["client", "config", "get", "features", "cacert"], home: _home);
        var unset = await CliRunner.RunAsync(["client", "config", "set", "features="], home: _home);
        var after = await CliRunner.RunAsync(["client", "config", "get"], home: _home);

        Assert.Equal((0, "WARNING: invalid KEY=VALUE: \"bogus\"\n"), (set.ExitCode, set.Stderr));
        Assert.Equal("colorized: false\nfeatures: EnableCSI\nnamespace: backup-system\n", all.Stdout);
        Assert.Equal("features: EnableCSI\ncacert: <NOT SET>\n", some.Stdout);
        Assert.Equal(0, unset.ExitCode);
        Assert.Equal("colorized: false\nnamespace: backup-system\n", after.Stdout);
        var file = Path.Combine(_home, ".config", "velero", "config.json");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task The_namespace_flag_beats_the_config_which_beats_the_environment_which_beats_velero()
    {
        foreach (var ns in new[] { "from-flag", "from-config", "from-env" })
        {
            await cluster.NamespaceAsync(ns);
            await cluster.SeedAsync(new VolumeSnapshotLocation { Metadata = new V1ObjectMeta { Name = $"vsl-{ns}", NamespaceProperty = ns }, Spec = new VolumeSnapshotLocationSpec { Provider = "aws" } });
        }

        await cluster.SeedAsync(new VolumeSnapshotLocation { Metadata = new V1ObjectMeta { Name = "vsl-velero", NamespaceProperty = "velero" }, Spec = new VolumeSnapshotLocationSpec { Provider = "aws" } });
        var env = new Dictionary<string, string> { ["VELERO_NAMESPACE"] = "from-env" };
        string[] get = ["snapshot-location", "get", "-o", "json", .. cluster.Flags];

        var byDefault = await CliRunner.RunAsync(get, home: _home);
        var byEnv = await CliRunner.RunAsync(get, home: _home, environment: env);
        await CliRunner.RunAsync(["client", "config", "set", "namespace=from-config"], home: _home);
        var byConfig = await CliRunner.RunAsync(get, home: _home, environment: env);
        var byFlag = await CliRunner.RunAsync([.. get, "-n", "from-flag"], home: _home, environment: env);

        Assert.Contains("\"vsl-velero\"", byDefault.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"vsl-from-env\"", byEnv.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"vsl-from-config\"", byConfig.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"vsl-from-flag\"", byFlag.Stdout, StringComparison.Ordinal);
    }
}
