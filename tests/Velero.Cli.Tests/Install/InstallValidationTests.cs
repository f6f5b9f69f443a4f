using Velero.Cli.Tests.Support;

namespace Velero.Cli.Tests.Install;

/// <summary>Mistakes get upstream's one line and exit code 1, before anything is sent to a cluster.</summary>
public sealed class InstallValidationTests
{
    private const string Plugin = "ghcr.io/velero-services/velero-plugin-for-aws:v0.1.0";

    public static TheoryData<string[], string> Mistakes => new()
    {
        { ["--plugins", Plugin, "--bucket", "b", "--no-secret"], "--provider is required" },
        { ["--provider", "aws", "--plugins", Plugin, "--no-secret"], "--bucket is required" },
        { ["--provider", "aws", "--bucket", "b", "--no-secret"], "--plugins flag is required" },
        { ["--provider", "aws", "--plugins", Plugin, "--bucket", "b"], "One of --secret-file or --no-secret is required" },
        { ["--provider", "aws", "--plugins", Plugin, "--bucket", "b", "--no-secret", "--secret-file", "x"], "Cannot use both --secret-file and --no-secret" },
        { ["--provider", "aws", "--plugins", Plugin, "--bucket", "-b", "--no-secret"], "Bucket names cannot begin with a dash. Bucket name was: -b" },
        { ["--provider", "aws", "--plugins", Plugin, "--bucket", "b", "--no-secret", "--no-default-backup-location"],
            "Cannot use both --bucket and --no-default-backup-location at the same time" },
        { ["--provider", "aws", "--plugins", Plugin, "--prefix", "p", "--no-secret", "--no-default-backup-location"],
            "Cannot use both --prefix and --no-default-backup-location at the same time" },
        { ["--provider", "aws", "--plugins", Plugin, "--backup-location-config", "region=x", "--no-secret", "--no-default-backup-location"],
            "Cannot use both --backup-location-config and --no-default-backup-location at the same time" },
        { ["--plugins", Plugin, "--no-secret", "--no-default-backup-location"], "--provider is required when --use-volume-snapshots is set to true" },
        { ["--provider", "aws", "--plugins", Plugin, "--bucket", "b", "--no-secret", "--use-volume-snapshots=false", "--snapshot-location-config", "region=x"],
            "--snapshot-location-config must be empty when --use-volume-snapshots=false" },
        { ["--provider", "aws", "--no-secret", "--no-default-backup-location", "--use-volume-snapshots=false"],
            "--provider must be empty when using --no-default-backup-location and --use-volume-snapshots=false" },
        { ["--provider", "aws", "--plugins", Plugin, "--bucket", "b", "--no-secret", "--default-volumes-to-fs-backup"],
            "--use-node-agent is required when using --default-volumes-to-fs-backup" },
        { ["--provider", "aws", "--plugins", Plugin, "--bucket", "b", "--no-secret", "--uploader-type", "restic"],
            "invalid uploader type 'restic', valid type: 'kopia'" },
        { ["--provider", "aws", "--plugins", Plugin, "--bucket", "b", "--no-secret", "--garbage-collection-frequency", "-1h"],
            "--garbage-collection-frequency must be non-negative" },
        { ["--provider", "aws", "--plugins", Plugin, "--bucket", "b", "--no-secret", "--velero-pod-cpu-request", "2", "--velero-pod-cpu-limit", "1"],
            "CPU request \"2\" must be less than or equal to CPU limit \"1\"" },
        { ["--provider", "aws", "--plugins", Plugin, "--bucket", "b", "--no-secret", "--velero-pod-mem-request", "lots"],
            "couldn't parse memory request \"lots\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'" },
        { ["--provider", "aws", "--plugins", "velero/velero-plugin-for-aws:v1.13.0", "--bucket", "b", "--no-secret"],
            "plugin image \"velero/velero-plugin-for-aws:v1.13.0\" holds a go-plugin binary, which Velero.Services cannot load (its providers run in the server): use ghcr.io/velero-services/velero-plugin-for-aws:<tag>" },
        { ["--provider", "aws", "--plugins", $"{Plugin},openebs/velero-plugin:3.6.0", "--bucket", "b", "--no-secret"],
            "plugin image \"openebs/velero-plugin:3.6.0\" holds a go-plugin binary, which Velero.Services cannot load (its providers run in the server): the provider images are ghcr.io/velero-services/velero-plugin-for-aws, ghcr.io/velero-services/velero-plugin-for-gcp, ghcr.io/velero-services/velero-plugin-for-microsoft-azure" },
        { ["--provider", "aws", "--plugins", Plugin, "--bucket", "b", "--no-secret", "--broker-url", "http://mq:5672"],
            "--broker-url must be an amqp:// or amqps:// URL, for example amqp://user:password@rabbitmq.example:5672/" },
        { ["--provider", "aws", "--plugins", Plugin, "--bucket", "b", "--no-secret", "--database-url", "mysql://db/velero"],
            "--database-url must be a postgres:// URL, for example postgres://user:password@db.example:5432/velero?sslmode=require" },
        { ["--provider", "aws", "--plugins", Plugin, "--bucket", "b", "--no-secret", "--database-url", "postgres://db/velero?sslmode=sometimes"],
            "--database-url: sslmode \"sometimes\" is not one of disable, allow, prefer, require, verify-ca, verify-full" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Invalid_flag_combinations_are_rejected_with_upstreams_message(string[] flags, string message)
    {
        var run = await CliRunner.RunAsync(["install", .. flags, "--dry-run", "-o", "yaml"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal($"An error occurred: {message}\n", run.Stderr);
    }

    [Fact]
    public async Task Upstream_flags_that_do_not_apply_are_accepted_and_named_in_one_note()
    {
        var run = await CliRunner.RunAsync(["install", "--provider", "aws", "--plugins", Plugin, "--bucket", "b", "--no-secret",
            "--use-node-agent-windows", "--dry-run"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("Note: --use-node-agent-windows does not apply to Velero.Services (its images are Linux only) and is ignored.\n", run.Stderr);
    }

    [Fact]
    public async Task An_unknown_flag_is_a_usage_error()
    {
        var run = await CliRunner.RunAsync(["install", "--no-such-flag"]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Error: unknown flag: --no-such-flag\n", run.Stderr);
    }
}
