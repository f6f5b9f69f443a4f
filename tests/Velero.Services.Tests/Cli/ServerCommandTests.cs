using Microsoft.Extensions.Configuration;
using Velero.Cli.Commands;
using Velero.Cli.Commands.Server;
using Velero.Kubernetes.Clusters;
using ClusterOptions = Velero.Kubernetes.Clusters.ClusterOptions;
using Velero.Restorer.Engine;
using Velero.Scheduler.Backups;
using Velero.Scheduler.Locations;
using Velero.Scheduler.Restores;
using Velero.Snapshotter.Collection;

namespace Velero.Services.Tests.Cli;

public sealed class ServerCommandTests
{
    [Theory]
    [InlineData(new string[0], "scheduler,snapshotter,uploader,restorer", "")]
    [InlineData(new[] { "--roles", "restorer,scheduler" }, "restorer,scheduler", "")]
    [InlineData(new[] { "--roles=uploader", "--urls", "http://0.0.0.0:8085" }, "uploader", "--urls=http://0.0.0.0:8085")]
    [InlineData(new[] { "--roles", " scheduler , scheduler " }, "scheduler", "")]
    [InlineData(new[] { "--Scheduler:Backups:Concurrency", "8", "--Outbox:BatchSize=10" }, "scheduler,snapshotter,uploader,restorer",
        "--Scheduler:Backups:Concurrency=8 --Outbox:BatchSize=10")]
    public void Roles_are_chosen_and_host_settings_pass_through(string[] args, string roles, string hostArgs)
    {
        var invocation = ServerArguments.Parse(args);

        Assert.Null(invocation.Error);
        Assert.Equal(roles, string.Join(',', invocation.Roles));
        Assert.Equal(hostArgs, string.Join(' ', invocation.HostArgs));
    }

    [Theory]
    [InlineData(new[] { "--roles" }, "flag needs an argument: --roles")]
    [InlineData(new[] { "--roles", "" }, "no role given")]
    [InlineData(new[] { "--roles", "scheduler,backupper" }, "unknown role 'backupper'")]
    public void Bad_roles_are_refused_with_a_clear_message(string[] args, string expected)
    {
        Assert.StartsWith(expected, ServerArguments.Parse(args).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Upstream_flags_that_apply_bind_to_the_services_settings()
    {
        var invocation = ServerArguments.Parse([
            "--default-backup-ttl=36h", "--default-backup-storage-location", "main", "--concurrent-backups=2",
            "--store-validation-frequency", "30s", "--default-item-operation-timeout=1h30m", "--client-page-size", "250",
            "--item-block-worker-count=3", "--restore-resource-priorities=customresourcedefinitions,pods,-,services",
            "--resource-timeout", "2m", "--terminating-resource-timeout=1m30s", "--kubeconfig=/etc/k.yaml",
            "--kubecontext", "prod", "-n", "backup-system"]);
        var configuration = new ConfigurationBuilder().AddCommandLine([.. invocation.HostArgs]).Build();

        Assert.Null(invocation.Error);
        Assert.Empty(invocation.Ignored);
        var backups = configuration.GetSection(BackupOptions.Section).Get<BackupOptions>()!;
        Assert.Equal(TimeSpan.FromHours(36), backups.DefaultTtl);
        Assert.Equal("main", backups.DefaultStorageLocation);
        Assert.Equal(2, backups.Concurrency);
        Assert.Equal(TimeSpan.FromSeconds(30),
            configuration.GetSection(StorageLocationOptions.Section).Get<StorageLocationOptions>()!.ValidationFrequency);
        Assert.Equal(TimeSpan.FromMinutes(90),
            configuration.GetSection(RestoreOptions.Section).Get<RestoreOptions>()!.DefaultItemOperationTimeout);
        var collector = configuration.GetSection(CollectorOptions.Section).Get<CollectorOptions>()!;
        Assert.Equal((250, 3), (collector.PageSize, collector.Workers));
        var engine = configuration.GetSection(RestoreEngineOptions.Section).Get<RestoreEngineOptions>()!;
        Assert.Equal("customresourcedefinitions,pods,-,services", engine.ResourcePriorities);
        Assert.Equal(TimeSpan.FromMinutes(2), engine.CrdEstablishTimeout);
        Assert.Equal(TimeSpan.FromSeconds(90), engine.TerminatingNamespaceTimeout);
        var clusters = configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>()!;
        Assert.Equal(("/etc/k.yaml", "prod"), (clusters.Kubeconfig, Assert.Single(clusters.Contexts)));
        Assert.Equal("backup-system", configuration.GetSection(VeleroNamespaceOptions.Section).Get<VeleroNamespaceOptions>()!.Namespace);
    }

    [Fact]
    public void The_backup_sync_period_becomes_the_sync_setting()
    {
        var invocation = ServerArguments.Parse(["--backup-sync-period=2m"]);
        var configuration = new ConfigurationBuilder().AddCommandLine([.. invocation.HostArgs]).Build();

        Assert.Empty(invocation.Ignored);
        Assert.Equal(TimeSpan.FromMinutes(2), configuration.GetValue<TimeSpan>("Scheduler:Sync:Period"));
    }

    [Theory]
    [InlineData("--log-level=debug", "--Logging:LogLevel:Default=Debug")]
    [InlineData("--log-level=warning", "--Logging:LogLevel:Default=Warning")]
    [InlineData("--log-level=fatal", "--Logging:LogLevel:Default=Critical")]
    [InlineData("--log-format=json", "--Logging:Console:FormatterName=json")]
    [InlineData("--log-format=text", "--Logging:Console:FormatterName=simple")]
    [InlineData("--metrics-address=:8085", "--Urls=http://*:8085")]
    [InlineData("--metrics-address=127.0.0.1:9090", "--Urls=http://127.0.0.1:9090")]
    [InlineData("--metrics-address=[::1]:8085", "--Urls=http://[::1]:8085")]
    [InlineData("-nvelero-system", "--Velero:Namespace=velero-system")]
    [InlineData("-n=velero-system", "--Velero:Namespace=velero-system")]
    public void Logging_and_listen_flags_become_host_settings(string flag, string setting)
    {
        Assert.Equal(setting, Assert.Single(ServerArguments.Parse([flag]).HostArgs));
    }

    [Fact]
    public void An_explicit_setting_comes_after_the_flag_it_overrides_so_it_wins()
    {
        var invocation = ServerArguments.Parse(["--Urls=http://127.0.0.1:9999", "--metrics-address", ":8085"]);
        var configuration = new ConfigurationBuilder().AddCommandLine([.. invocation.HostArgs]).Build();

        Assert.Equal("http://127.0.0.1:9999", configuration["Urls"]);
    }

    [Fact]
    public void Flags_that_do_not_apply_are_accepted_and_each_named_once()
    {
        var invocation = ServerArguments.Parse([
            "--client-qps=20", "--client-burst", "30", "--features=EnableCSI", "--features", "EnableAPIGroupVersions",
            "--uploader-type=kopia", "--restore-only", "--disable-controllers=gc,backup-sync", "--colorized=false",
            "--default-volume-snapshot-locations", "aws:default,gcp:other", "-v", "2", "--logtostderr",
            "--client-page-size=0", "--store-validation-frequency=0s", "--backup-sync-period=0s"]);

        Assert.Null(invocation.Error);
        Assert.Empty(invocation.HostArgs);
        Assert.Equal(
            "--client-qps, --client-burst, --features, --uploader-type, --restore-only, --disable-controllers, --colorized, "
            + "--default-volume-snapshot-locations, --v, --logtostderr, --client-page-size=0, --store-validation-frequency=0s, "
            + "--backup-sync-period=0s",
            string.Join(", ", invocation.Ignored));
    }

    [Theory]
    [InlineData(new[] { "--bogus" }, "unknown flag: --bogus")]
    [InlineData(new[] { "--bogus=1" }, "unknown flag: --bogus")]
    [InlineData(new[] { "-x" }, "unknown shorthand flag: 'x' in -x")]
    [InlineData(new[] { "--default-backup-ttl" }, "flag needs an argument: --default-backup-ttl")]
    [InlineData(new[] { "--default-backup-ttl=3d" }, "invalid argument \"3d\" for \"--default-backup-ttl\" flag: time: invalid duration \"3d\"")]
    [InlineData(new[] { "--resource-timeout=10" }, "invalid argument \"10\" for \"--resource-timeout\" flag: time: invalid duration \"10\"")]
    [InlineData(new[] { "--client-qps", "fast" }, "invalid argument \"fast\" for \"--client-qps\" flag: strconv.ParseFloat: parsing \"fast\": invalid syntax")]
    [InlineData(new[] { "--restore-only=maybe" }, "invalid argument \"maybe\" for \"--restore-only\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax")]
    [InlineData(new[] { "--log-level", "verbose" }, "invalid argument \"verbose\" for \"--log-level\" flag: invalid value: \"verbose\"")]
    [InlineData(new[] { "--disable-controllers=gc,backupz" }, "Invalid value for --disable-controllers flag provided: backupz. Valid values are: backup-queue,")]
    [InlineData(new[] { "--uploader-type=restic" }, "invalid uploader type 'restic', valid type: 'kopia'")]
    [InlineData(new[] { "--restore-resource-priorities=a,-,b,-,c" }, "invalid argument \"a,-,b,-,c\" for \"--restore-resource-priorities\" flag: multiple priority separator \"-\" found")]
    [InlineData(new[] { "--metrics-address=8085" }, "invalid argument \"8085\" for \"--metrics-address\" flag: want HOST:PORT or :PORT")]
    [InlineData(new[] { "--roles=scheduler", "extra" }, "unexpected argument \"extra\": velero server takes flags only")]
    [InlineData(new[] { "--", "extra" }, "unexpected argument \"extra\"")]
    public void Unknown_flags_and_bad_values_are_refused_with_upstreams_wording(string[] args, string expected)
    {
        Assert.StartsWith(expected, ServerArguments.Parse(args).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_our_flags_and_every_upstream_flag_accepted()
    {
        var invocation = ServerArguments.Parse(["--help"]);
        var help = ServerHelp.Text(ServerCommand.DefaultUrls);

        Assert.True(invocation.Help);
        Assert.Contains("  velero server [flags]", help, StringComparison.Ordinal);
        foreach (var ours in new[] { "--roles strings", "--urls string", "--Section:Key=value", "-h, --help" })
        {
            Assert.Contains(ours, help, StringComparison.Ordinal);
        }

        Assert.All(UpstreamServerFlags.All, flag => Assert.Contains($"--{flag.Name}", help, StringComparison.Ordinal));
        Assert.Contains("[Scheduler:Backups:DefaultTtl]", help, StringComparison.Ordinal);
        Assert.Matches(@"--default-backup-ttl duration +How long .*\(default 720h0m0s\)", help);
        Assert.Matches(@"--client-qps float32 +requests to the Kubernetes API are not limited", help);
    }
}
