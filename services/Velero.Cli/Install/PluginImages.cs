using System.Security.Cryptography;
using System.Text;

namespace Velero.Cli.Install;

/// <summary>
/// <c>--plugins</c>. This product's provider images plug in as upstream's do: an init container per image copies what
/// it carries into the <c>plugins</c> emptyDir (mounted at <c>/target</c>), which the server reads at <c>/plugins</c>.
/// Upstream's go-plugin binaries cannot be loaded (the providers run in process), so those images are refused here,
/// before anything is created, rather than by a crash-looping server.
/// </summary>
public static class PluginImages
{
    /// <summary>The repositories of this product's provider images.</summary>
    public static IReadOnlyList<string> ProviderRepositories { get; } =
        ["velero-plugin-for-aws", "velero-plugin-for-gcp", "velero-plugin-for-microsoft-azure"];

    /// <summary>Where upstream Velero and its redistributors publish go-plugin images under the same repository names.</summary>
    private static readonly string[] GoPluginPublishers =
        ["velero/", "docker.io/velero/", "index.docker.io/velero/", "gcr.io/velero-gcp/", "velero.azurecr.io/", "dhi.io/"];

    /// <summary>Null when <paramref name="image"/> can be installed, else the one line that says why not.</summary>
    public static string? Refusal(string image)
    {
        var repository = RepositoryName(image);
        var ours = ProviderRepositories.Contains(repository, StringComparer.Ordinal);
        if (ours && !GoPluginPublishers.Any(p => image.StartsWith(p, StringComparison.Ordinal)))
        {
            return null;
        }

        var instead = ours ? $"use {InstallImages.Registry}/{repository}:<tag>" :
            $"the provider images are {string.Join(", ", ProviderRepositories.Select(r => $"{InstallImages.Registry}/{r}"))}";
        return $"plugin image \"{image}\" holds a go-plugin binary, which Velero.Services cannot load (its providers run in the server): {instead}";
    }

    /// <summary>The image's repository without registry, path, tag or digest: <c>velero-plugin-for-aws</c>.</summary>
    public static string RepositoryName(string image)
    {
        var end = image.LastIndexOf('@') is var at and > 0 ? at : image.Length;
        var path = image[..end];
        var slash = path.LastIndexOf('/');
        var name = path[(slash + 1)..];
        return name.LastIndexOf(':') is var colon and > 0 ? name[..colon] : name;
    }

    /// <summary>
    /// The init container's name, as upstream's builder derives it: the image without registry (when it has one) and
    /// tag or digest, '/', '_' and '.' as '-', at most 63 characters (longer names end in 6 hex digits of a SHA-256).
    /// </summary>
    public static string ContainerName(string image)
    {
        var slashIndex = image.IndexOf('/', StringComparison.Ordinal);
        var slashCount = slashIndex >= 0 ? image[slashIndex..].Count(c => c == '/') : 0;
        var start = slashCount > 1 || slashIndex == 0 ? slashIndex + 1 : 0;
        var end = image.Length;
        var atIndex = image.LastIndexOf('@');
        if (atIndex > 0)
        {
            end = atIndex;
        }
        else if (image.LastIndexOf(':') is var colonIndex and > 0)
        {
            end = colonIndex;
        }

        var name = image[start..end].Replace('/', '-').Replace('_', '-').Replace('.', '-');
        if (name.Length <= 63)
        {
            return name;
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
        return name[..57] + sha[..6];
    }
}
