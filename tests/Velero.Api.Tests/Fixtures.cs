namespace Velero.Api.Tests;

/// <summary>
/// The shared fixtures live beside the repository (<c>../shared/fixtures</c>) and are read in place, never copied.
/// </summary>
internal static class Fixtures
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    public static string CrdsDirectory => Path("crds", "velero");

    public static string ArtifactsDirectory => Path("velero-artifacts");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Velero.Services.sln"))
                || Directory.Exists(System.IO.Path.Combine(dir.FullName, ".git"))
                || File.Exists(System.IO.Path.Combine(dir.FullName, ".git")))
            {
                var fixtures = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "fixtures"));
                return Directory.Exists(fixtures)
                    ? fixtures
                    : throw new DirectoryNotFoundException($"Shared fixtures not found at {fixtures}.");
            }
        }

        throw new DirectoryNotFoundException($"No repository root (Velero.Services.sln or .git) above {AppContext.BaseDirectory}.");
    }
}
