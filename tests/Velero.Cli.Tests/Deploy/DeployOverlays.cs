using Velero.Cli.Install;
using Velero.Cli.Tests.Support;
using Velero.Testing;

namespace Velero.Cli.Tests.Deploy;

/// <summary>
/// The kustomizations under <c>deploy/</c> and the <c>velero install</c> flags each one stands for (the same lines
/// are in each kustomization.yaml's header and in deploy/README.md).
/// </summary>
internal static class DeployOverlays
{
    /// <summary>What the base is: the drop-in <c>velero</c> Deployment, RabbitMQ and PostgreSQL in the namespace, no location.</summary>
    public static readonly string[] BaseFlags = ["--no-default-backup-location", "--use-volume-snapshots=false", "--no-secret"];

    public static IReadOnlyList<string> All { get; } = ["base", "overlays/split-services", "overlays/external-datastores", "overlays/aws-minio", "overlays/node-agent"];

    /// <summary>The tag of the images the CLI installs by default, which deploy/ names too.</summary>
    public static string Tag => InstallImages.DefaultServerImage[(InstallImages.DefaultServerImage.LastIndexOf(':') + 1)..];

    /// <summary>The install flags of <paramref name="kustomization"/>; <paramref name="credentials"/> is a file for <c>--secret-file</c>.</summary>
    public static string[] Flags(string kustomization, string credentials) => kustomization switch
    {
        "base" => BaseFlags,
        "overlays/split-services" => [.. BaseFlags, "--split-services"],
        "overlays/node-agent" => [.. BaseFlags, "--use-node-agent"],
        "overlays/external-datastores" =>
        [
            .. BaseFlags,
            "--broker-url", "amqps://velero:password@rabbitmq.example.com:5671/",
            "--database-url", "postgres://velero:password@postgres.example.com:5432/velero?sslmode=verify-full&sslrootcert=/etc/velero/datastore-ca/ca.crt",
        ],
        "overlays/aws-minio" =>
        [
            "--provider", "aws", "--plugins", InstallImages.ProviderImage("aws", Tag), "--bucket", "velero",
            "--secret-file", credentials, "--use-volume-snapshots=false",
            "--backup-location-config", "region=minio,s3ForcePathStyle=true,s3Url=http://minio.velero.svc:9000",
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(kustomization), kustomization, "not a kustomization under deploy/"),
    };

    /// <summary><c>kubectl kustomize deploy/&lt;kustomization&gt;</c>.</summary>
    public static async Task<string> RenderAsync(string kustomization)
    {
        var home = Path.Combine(Path.GetTempPath(), "velero-cli-tests-no-home");
        var run = await Kubectl.RunAsync(null, new Dictionary<string, string> { ["HOME"] = home },
            ["kustomize", Path.Combine(RepositoryPaths.Root, "deploy", kustomization)]);
        Assert.True(run.ExitCode == 0, $"kubectl kustomize deploy/{kustomization}: {run.Stderr}");
        return run.Stdout;
    }

    /// <summary><c>velero install --dry-run -o yaml</c> with the kustomization's flags.</summary>
    public static async Task<string> InstallAsync(string kustomization, string credentials)
    {
        var run = await CliRunner.RunAsync(["install", .. Flags(kustomization, credentials), "--dry-run", "-o", "yaml"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Stdout;
    }
}
