using System.Runtime.CompilerServices;

namespace Velero.Cli.Tests.Support;

/// <summary>
/// Compares output with a file under <c>Golden/</c>. <c>VELERO_UPDATE_GOLDEN=1</c> rewrites the files instead;
/// review every rewritten file against upstream's format before committing it.
/// </summary>
internal static class Golden
{
    public static void Assert(string name, string actual, [CallerFilePath] string caller = "")
    {
        var directory = Path.Combine(ProjectDirectory(caller), "Golden");
        var path = Path.Combine(directory, name + ".txt");
        if (Environment.GetEnvironmentVariable("VELERO_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual);
            return;
        }

        Xunit.Assert.True(File.Exists(path), $"no golden file {path}; run the test with VELERO_UPDATE_GOLDEN=1 to create it");
        Xunit.Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string ProjectDirectory(string caller)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(caller)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Velero.Cli.Tests.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Velero.Cli.Tests.csproj above {caller}");
    }
}
