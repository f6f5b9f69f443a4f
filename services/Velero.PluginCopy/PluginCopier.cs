namespace Velero.PluginCopy;

/// <summary>Recursive copy of a directory's contents into an existing or new directory.</summary>
public static class PluginCopier
{
    /// <summary>Copies every file under <paramref name="source"/> into <paramref name="target"/>; returns how many.</summary>
    public static int Copy(string source, string target)
    {
        var from = new DirectoryInfo(source);
        if (!from.Exists)
        {
            throw new DirectoryNotFoundException($"{source} does not exist");
        }

        Directory.CreateDirectory(target);
        var count = 0;
        foreach (var entry in from.EnumerateFileSystemInfos())
        {
            var destination = Path.Combine(target, entry.Name);
            if (entry is DirectoryInfo dir)
            {
                count += Copy(dir.FullName, destination);
            }
            else
            {
                File.Copy(entry.FullName, destination, overwrite: true);
                count++;
            }
        }

        return count;
    }
}
