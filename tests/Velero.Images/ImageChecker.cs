using System.Formats.Tar;

namespace Velero.Images;

/// <summary>
/// The hardened-image rules: no shell, package manager or compiler; no setuid or setgid file; a non-root user; an
/// entry point that exists and is no shell; an image that can speak TLS names its CA bundle; and an SBOM that covers every file of the image and every NuGet package
/// bundled into a .NET single-file program. The SBOM itself (under /sbom/) is exempt from covering itself.
/// </summary>
public static class ImageChecker
{
    public static IReadOnlyList<string> Check(OciImage image, SbomDocument? sbom)
    {
        var failures = new List<string>();
        foreach (var entry in image.Files.Values.OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            if (!entry.IsDirectory && ImageRules.Forbidden(entry.Name) is { } what)
            {
                failures.Add($"{entry.Path} is {what}");
            }

            if (!entry.IsDirectory && (entry.Mode & (UnixFileMode.SetUser | UnixFileMode.SetGroup)) != 0)
            {
                failures.Add($"{entry.Path} is setuid or setgid (mode {Convert.ToString((int)entry.Mode, 8)})");
            }
        }

        if (ImageRules.IsRootUser(image.User))
        {
            failures.Add($"the image runs as root (user \"{image.User}\")");
        }

        CheckEntrypoint(image, failures);
        CheckTrust(image, failures);
        if (sbom is null)
        {
            failures.Add("no SBOM: the image has no /sbom/*.cdx.json and none was given");
            return failures;
        }

        var covered = sbom.Locations.ToHashSet(StringComparer.Ordinal);
        foreach (var entry in image.Files.Values.Where(e => !e.IsDirectory && !e.Path.StartsWith("/sbom/", StringComparison.Ordinal))
                     .OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            if (!covered.Contains(entry.Path))
            {
                failures.Add($"{entry.Path} is in the image but in no SBOM component");
            }
        }

        var purls = sbom.Purls.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in image.Files.Values.Where(e => e.BundledPackages is not null))
        {
            foreach (var package in entry.BundledPackages!.Where(p => !purls.Contains(p.Purl)))
            {
                failures.Add($"{entry.Path} bundles {package.Purl}, which the SBOM misses");
            }
        }

        return failures;
    }

    /// <summary>
    /// .NET reads its trusted roots from <c>SSL_CERT_FILE</c> and <c>SSL_CERT_DIR</c>, by default OpenSSL's
    /// <c>/usr/lib/ssl/cert.pem</c> and <c>/usr/lib/ssl/certs</c>, which a scratch image does not have: without the
    /// variables pointing at the bundle it trusts nothing, and every HTTPS call (S3, GCS, Azure) fails.
    /// </summary>
    private static void CheckTrust(OciImage image, List<string> failures)
    {
        if (!image.Files.Keys.Any(path => Path.GetFileName(path).StartsWith("libssl.so", StringComparison.Ordinal)))
        {
            return;
        }

        if (!image.Environment.TryGetValue("SSL_CERT_FILE", out var bundle) || bundle.Length == 0)
        {
            failures.Add("the image carries OpenSSL but its Env does not set SSL_CERT_FILE: .NET would trust no certificate");
        }
        else if (!image.Files.TryGetValue(bundle, out var file) || file.IsDirectory)
        {
            failures.Add($"SSL_CERT_FILE names {bundle}, which is not a file in the image");
        }
    }

    private static void CheckEntrypoint(OciImage image, List<string> failures)
    {
        var command = image.Entrypoint.Count > 0 ? image.Entrypoint : image.Cmd;
        if (command.Count == 0)
        {
            failures.Add("the image has no entrypoint");
            return;
        }

        var program = command[0];
        if (ImageRules.Shells.Contains(Path.GetFileName(program)))
        {
            failures.Add($"the entrypoint {program} is a shell");
        }

        if (!image.Files.TryGetValue(program, out var target) || target.IsDirectory)
        {
            failures.Add($"the entrypoint {program} is not a file in the image");
        }
        else if (target.Type is TarEntryType.RegularFile or TarEntryType.V7RegularFile
                 && (target.Mode & UnixFileMode.OtherExecute) == 0)
        {
            failures.Add($"the entrypoint {program} is not executable by everyone");
        }
    }
}
