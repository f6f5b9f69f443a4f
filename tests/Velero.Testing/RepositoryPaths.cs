namespace Velero.Testing;

/// <summary>Where the repository and the shared fixtures are, found from the test's own location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared/fixtures</c> beside the clone, read in place and never copied into the project.</summary>
    public static string Fixtures => Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Velero.Services.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Velero.Services.sln above {AppContext.BaseDirectory}");
    }
}
