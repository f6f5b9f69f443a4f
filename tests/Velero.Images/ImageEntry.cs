using System.Formats.Tar;

namespace Velero.Images;

/// <summary>
/// One path of an image's merged layers. <see cref="BundledPackages"/> holds the NuGet packages named by the
/// deps.json inside a .NET single-file bundle, when the file is one.
/// </summary>
public sealed record ImageEntry(string Path, TarEntryType Type, UnixFileMode Mode, int Uid, int Gid, string? LinkName,
    IReadOnlyList<NuGetPackage>? BundledPackages)
{
    public bool IsDirectory => Type == TarEntryType.Directory;

    public string Name => System.IO.Path.GetFileName(Path);
}
