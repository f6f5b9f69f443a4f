namespace Velero.Selection.Tests.Support;

/// <summary>The shared fixtures beside the repository (<c>../shared/fixtures</c>), read in place and never copied.</summary>
internal static class Fixtures
{
    public static string ManifestsDirectory => Path.Combine(Root(), "manifests");

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Velero.Services.sln")))
            {
                var fixtures = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "fixtures"));
                return Directory.Exists(fixtures)
                    ? fixtures
                    : throw new DirectoryNotFoundException($"shared fixtures not found at {fixtures}");
            }
        }

        throw new DirectoryNotFoundException("Velero.Services.sln not found above " + AppContext.BaseDirectory);
    }
}
