using Velero.ServiceDefaults.Hosting;

namespace Velero.Cli.Install;

/// <summary>
/// The images an install runs. The server image is this product's <c>velero</c> image at the CLI's version, as
/// upstream defaults to <c>velero/velero:&lt;version&gt;</c>; RabbitMQ and PostgreSQL are their official images.
/// </summary>
public static class InstallImages
{
    /// <summary>Where this product publishes its images.</summary>
    public const string Registry = "ghcr.io/velero-services";

    public const string DefaultBrokerImage = "docker.io/library/rabbitmq:4.1";

    public const string DefaultDatabaseImage = "docker.io/library/postgres:17";

    public static string DefaultServerImage { get; } = $"{Registry}/velero:{ServiceIdentity.ProductVersion}";

    /// <summary>The provider image of this product for <paramref name="provider"/> (aws, gcp, azure).</summary>
    public static string ProviderImage(string provider, string tag) => $"{Registry}/velero-plugin-for-{provider}:{tag}";

    /// <summary>
    /// Upstream's pull policy: Always unless the image has an explicit tag other than <c>latest</c>
    /// (the check splits on ':' as upstream does, so a registry port without a tag also means Always).
    /// </summary>
    public static string PullPolicy(string image) =>
        image.Split(':') is [_, var tag] && tag != "latest" ? "IfNotPresent" : "Always";
}
