using System.Runtime.CompilerServices;

namespace Velero.ObjectStorage.FileSystem;

/// <summary>
/// <c>velero.io/fs</c>: objects as files under <c>&lt;path&gt;/&lt;bucket&gt;/</c>, for demos, single machines and
/// looking inside a backup with ordinary tools. Writes are atomic (temp file in the same directory, flushed to
/// disk, renamed over the target), so a reader sees the old object or the new one, never part of one.
/// </summary>
internal sealed class FileSystemObjectStore(string root, string bucket) : IObjectStore
{
    private const int BufferSize = 1024 * 1024;

    public string Provider => ProviderNames.FileSystem;

    public string Bucket => bucket;

    /// <summary>The directory holding this bucket's objects.</summary>
    public string Root { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    public async Task PutAsync(string key, Stream body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var path = FileSystemKeys.PathOf(Root, key);
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, FileSystemKeys.TempPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                await body.CopyToAsync(file, BufferSize, cancellationToken);
                await file.FlushAsync(cancellationToken);
                // fsync before the rename: after a crash the name must not point at data still in the page cache.
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(File.Exists(FileSystemKeys.PathOf(Root, key)));
    }

    public Task<Stream> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = FileSystemKeys.PathOf(Root, key);
        try
        {
            // FileShare.Delete: a concurrent overwrite (rename) or delete must not fail because we are reading.
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, useAsync: true);
            return Task.FromResult(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException
                                   || (e is UnauthorizedAccessException && Directory.Exists(path)))
        {
            // A directory is only a prefix, never an object, as in S3.
            throw new ObjectNotFoundException(bucket, key);
        }
    }

    public async Task<IReadOnlyList<string>> ListCommonPrefixesAsync(
        string prefix, string delimiter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentException.ThrowIfNullOrEmpty(delimiter);
        var prefixes = new SortedSet<string>(StringComparer.Ordinal);
        if (delimiter == "/")
        {
            // Directories are the prefixes; one with no object anywhere below it is not (S3 has no empty folders).
            var (directory, namePrefix) = Split(prefix);
            if (Directory.Exists(directory))
            {
                foreach (var sub in Directory.EnumerateDirectories(directory, namePrefix + "*"))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (HasObjects(sub))
                    {
                        prefixes.Add(FileSystemKeys.KeyOf(Root, sub) + "/");
                    }
                }
            }

            return [.. prefixes];
        }

        await foreach (var key in ListKeysAsync(prefix, cancellationToken))
        {
            var at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
            if (at >= 0)
            {
                prefixes.Add(key[..(at + delimiter.Length)]);
            }
        }

        return [.. prefixes];
    }

    public async IAsyncEnumerable<string> ListKeysAsync(
        string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var (directory, namePrefix) = Split(prefix);
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        // Sorted as S3 lists (ordinal on the whole key), which a directory walk does not give: "a-b" < "a/b".
        var keys = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(directory, namePrefix + "*"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Directory.Exists(entry))
            {
                keys.AddRange(Files(entry).Select(f => FileSystemKeys.KeyOf(Root, f)));
            }
            else if (!FileSystemKeys.IsTemp(Path.GetFileName(entry)))
            {
                keys.Add(FileSystemKeys.KeyOf(Root, entry));
            }
        }

        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return key;
        }

        await Task.CompletedTask;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = FileSystemKeys.PathOf(Root, key);
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.CompletedTask;
        }

        RemoveEmptyParents(Path.GetDirectoryName(path)!);
        return Task.CompletedTask;
    }

    public Task<Uri> CreateSignedUrlAsync(string key, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(
            "the velero.io/fs provider cannot create signed URLs: there is no server to sign for; stream the object with GetAsync instead");

    public void Dispose()
    {
    }

    private static IEnumerable<string> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !FileSystemKeys.IsTemp(Path.GetFileName(f)));

    private static bool HasObjects(string directory) => Files(directory).Any();

    /// <summary>A key prefix as (directory to enumerate, file-name prefix inside it).</summary>
    private (string Directory, string NamePrefix) Split(string prefix)
    {
        var slash = prefix.LastIndexOf('/');
        var directoryPart = slash < 0 ? "" : prefix[..slash];
        var namePart = prefix[(slash + 1)..];
        if (directoryPart.Length > 0)
        {
            FileSystemKeys.Validate(directoryPart);
        }

        // Enumeration patterns treat * and ? as wildcards; a prefix holding them is matched literally below.
        if (namePart.IndexOfAny(['*', '?']) >= 0 || namePart.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"prefix \"{prefix}\" holds a character the velero.io/fs provider cannot list by", nameof(prefix));
        }

        return (directoryPart.Length == 0 ? Root : Path.Combine(Root, directoryPart), namePart);
    }

    // S3 has no directories: once a "folder" holds no objects it must stop showing up as a common prefix.
    private void RemoveEmptyParents(string directory)
    {
        while (directory.Length > Root.Length && directory.StartsWith(Root, StringComparison.Ordinal))
        {
            try
            {
                Directory.Delete(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }

            directory = Path.GetDirectoryName(directory)!;
        }
    }
}
