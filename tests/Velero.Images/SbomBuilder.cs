using System.Security.Cryptography;

namespace Velero.Images;

/// <summary>
/// Describes a root filesystem: each file (or link) goes to the Debian package dpkg says owns it (trying the path
/// with and without the /usr prefix, since Debian 12 merged /usr while dpkg keeps the paths each package shipped),
/// to one of our programs (with every NuGet package of its deps.json or project.assets.json), or stays a loose
/// file component with its hash. Nothing in the root filesystem is left out.
/// </summary>
public static class SbomBuilder
{
    public static async Task<SbomDocument> BuildAsync(SbomRequest request, IPackageDatabase packages, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var files = ImagePaths(request.RootFs);
        var applications = request.Applications.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var owners = request.Owners.ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
        var unknown = files.Where(f => !applications.ContainsKey(f) && !owners.ContainsKey(f)).ToList();

        var found = await packages.OwnersAsync(unknown, cancellationToken);
        var alternates = unknown.Where(f => !found.ContainsKey(f)).Select(f => (Path: f, Alternate: Alternate(f)))
            .Where(p => p.Alternate is not null).ToList();
        var foundAlternates = await packages.OwnersAsync([.. alternates.Select(a => a.Alternate!)], cancellationToken);
        foreach (var f in unknown)
        {
            if (found.TryGetValue(f, out var owner))
            {
                owners[f] = owner;
            }
        }

        foreach (var (path, alternate) in alternates)
        {
            if (foundAlternates.TryGetValue(alternate!, out var owner))
            {
                owners[path] = owner;
            }
        }

        var components = new List<SbomComponent>();
        foreach (var group in owners.GroupBy(o => o.Value, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var (version, arch) = await packages.VersionAsync(group.Key, cancellationToken);
            components.Add(new SbomComponent("library", group.Key, version, $"pkg:deb/debian/{group.Key}@{Uri.EscapeDataString(version)}?arch={arch}",
                [.. group.Select(g => g.Key).Order(StringComparer.Ordinal)]));
        }

        foreach (var (path, metadata) in applications.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            components.Add(new SbomComponent("application", Path.GetFileName(path), request.Version, null, [path],
                Sha256(request.RootFs, path)));
            // A .NET single-file program carries its deps.json; an AOT program is described by its project.assets.json.
            var bytes = await File.ReadAllBytesAsync(metadata, cancellationToken);
            var json = SingleFileBundle.DepsJson(bytes) ?? System.Text.Encoding.UTF8.GetString(bytes);
            components.AddRange(NuGetPackage.FromJson(json).Select(p =>
                new SbomComponent("library", p.Name, p.Version, p.Purl, [path])));
        }

        foreach (var path in files.Where(f => !owners.ContainsKey(f) && !applications.ContainsKey(f)))
        {
            components.Add(new SbomComponent("file", path, null, null, [path], Sha256(request.RootFs, path)));
        }

        return new SbomDocument { Name = request.Name, Version = request.Version, Timestamp = time.GetUtcNow(), Components = components };
    }

    /// <summary>Every non-directory entry as an absolute image path, sorted.</summary>
    public static List<string> ImagePaths(string rootFs)
    {
        var root = Path.GetFullPath(rootFs);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        return [.. new DirectoryInfo(root).EnumerateFileSystemInfos("*", options)
            .Where(i => i.LinkTarget is not null || !i.Attributes.HasFlag(FileAttributes.Directory))
            .Select(i => "/" + Path.GetRelativePath(root, i.FullName).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
    }

    private static string? Alternate(string path) =>
        path.StartsWith("/usr/", StringComparison.Ordinal) ? path[4..]
        : path.StartsWith("/lib", StringComparison.Ordinal) || path.StartsWith("/bin/", StringComparison.Ordinal)
            || path.StartsWith("/sbin/", StringComparison.Ordinal) ? "/usr" + path
        : null;

    private static string? Sha256(string rootFs, string path)
    {
        var full = Path.Combine(rootFs, path.TrimStart('/'));
        var info = new FileInfo(full);
        if (info.LinkTarget is not null || !info.Exists)
        {
            return null;
        }

        using var stream = File.OpenRead(full);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
