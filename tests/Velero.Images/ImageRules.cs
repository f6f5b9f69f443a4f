namespace Velero.Images;

/// <summary>The file names a hardened image must not carry (matched on the last path element).</summary>
public static class ImageRules
{
    public static readonly IReadOnlySet<string> Shells = new HashSet<string>(StringComparer.Ordinal)
    {
        "sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "csh", "tcsh", "fish", "busybox", "toybox",
    };

    public static readonly IReadOnlySet<string> PackageManagers = new HashSet<string>(StringComparer.Ordinal)
    {
        "apt", "apt-get", "apt-cache", "aptitude", "dpkg", "dpkg-deb", "rpm", "yum", "dnf", "microdnf", "apk",
        "zypper", "pip", "pip3", "npm", "gem",
    };

    public static readonly IReadOnlySet<string> Compilers = new HashSet<string>(StringComparer.Ordinal)
    {
        "gcc", "cc", "c++", "g++", "cpp", "clang", "clang++", "ld", "ld.bfd", "ld.gold", "ld.lld", "lld", "as", "tcc",
        "make", "go", "rustc", "javac", "dotnet", "csc",
    };

    /// <summary>Why the named file must not be in an image, or null when it may.</summary>
    public static string? Forbidden(string name)
    {
        // Versioned names such as gcc-12 or python3.11-style shells: compare the part before a '-' too.
        var stem = name.Split('-')[0];
        return Shells.Contains(name) ? "a shell"
            : PackageManagers.Contains(name) ? "a package manager"
            : Compilers.Contains(name) || (stem != name && Compilers.Contains(stem) && stem is "gcc" or "clang" or "g++" or "cpp") ? "a compiler"
            : null;
    }

    /// <summary>True for a user that is root: empty (the default), "root" or uid 0, with or without a group.</summary>
    public static bool IsRootUser(string user)
    {
        var name = user.Split(':')[0].Trim();
        return name is "" or "root" || (int.TryParse(name, out var uid) && uid == 0);
    }
}
