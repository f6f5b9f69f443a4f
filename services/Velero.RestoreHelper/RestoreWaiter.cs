namespace Velero.RestoreHelper;

/// <summary>
/// The checks of upstream's restore helper: each directory under the root is a restored volume, done when
/// <c>&lt;root&gt;/&lt;volume&gt;/.velero/&lt;restore-uid&gt;</c> exists. Entries are visited in name order and
/// symbolic links are not directories, as Go's <c>os.ReadDir</c> reports them; the log lines are upstream's.
/// </summary>
public sealed class RestoreWaiter(string root, string restoreUid, TextWriter stdout, TextWriter stderr)
{
    public const string DefaultRoot = "/restores";

    /// <summary>True when every volume directory has its marker; prints what it found or misses.</summary>
    public bool Done()
    {
        var (children, error) = ReadDir(root);
        if (children is null)
        {
            stderr.WriteLine($"ERROR reading {root} directory: {error}");
            return false;
        }

        foreach (var child in children)
        {
            if (!IsDirectory(child))
            {
                stdout.WriteLine($"{child.Name} is not a directory, skipping.");
                continue;
            }

            var doneFile = Path.Combine(root, child.Name, ".velero", restoreUid);
            var statError = Stat(doneFile);
            if (statError == StatResult.NotFound)
            {
                stdout.WriteLine($"The filesystem restore done file {doneFile} is not found yet. Retry later.");
                return false;
            }

            if (statError == StatResult.Failed)
            {
                stderr.WriteLine($"ERROR looking filesystem restore done file {doneFile}: stat {doneFile}: permission denied");
                return false;
            }

            stdout.WriteLine($"Found the done file {doneFile}");
        }

        return true;
    }

    /// <summary>Removes every volume's <c>.velero</c> folder; returns the error text, or null when all went.</summary>
    public string? RemoveMarkerFolders()
    {
        var (children, error) = ReadDir(root);
        if (children is null)
        {
            return error;
        }

        foreach (var child in children)
        {
            if (!IsDirectory(child))
            {
                stdout.WriteLine($"{child.Name} is not a directory, skipping.");
                continue;
            }

            var donePath = Path.Combine(root, child.Name, ".velero");
            try
            {
                RemoveAll(donePath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return $"unlinkat {donePath}: {Describe(e)}";
            }

            // Upstream prints this without a line break; the next line runs on (kept so logs match).
            stdout.Write($"Deleted {donePath}");
        }

        return null;
    }

    private static (List<FileSystemInfo>? Children, string? Error) ReadDir(string path)
    {
        try
        {
            var children = new DirectoryInfo(path).EnumerateFileSystemInfos().ToList();
            children.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            return (children, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"open {path}: {Describe(e)}");
        }
    }

    private static bool IsDirectory(FileSystemInfo entry) =>
        entry.LinkTarget is null && entry.Attributes.HasFlag(FileAttributes.Directory);

    private enum StatResult
    {
        Found,
        NotFound,
        Failed,
    }

    private static StatResult Stat(string path)
    {
        try
        {
            File.GetAttributes(path);
            return StatResult.Found;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return StatResult.NotFound;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return StatResult.Failed;
        }
    }

    // Go's os.RemoveAll: a missing path is no error; a file or link goes as it is, a directory with its contents.
    private static void RemoveAll(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is null && Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (info.Exists || info.LinkTarget is not null)
        {
            info.Delete();
        }
    }

    private static string Describe(Exception e) => e switch
    {
        DirectoryNotFoundException or FileNotFoundException => "no such file or directory",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message,
    };
}
