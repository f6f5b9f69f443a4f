namespace Velero.ObjectStorage.FileSystem;

/// <summary>
/// Maps object keys to paths under a store's root and refuses keys a filesystem cannot hold faithfully or that
/// would escape the root: empty or <c>.</c>/<c>..</c> segments, absolute keys, backslashes, NUL, a trailing
/// <c>/</c> ("folder" placeholder objects), and our own temp-file names. One S3 shape has no filesystem
/// equivalent and fails on write: an object <c>a</c> next to objects under <c>a/</c>; Velero's layout never
/// makes one.
/// </summary>
internal static class FileSystemKeys
{
    /// <summary>Temp files of in-progress writes start with this; listings skip them.</summary>
    public const string TempPrefix = ".velero-tmp-";

    public static string Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var problem = key switch
        {
            "" => "is empty",
            _ when key[0] == '/' => "is absolute",
            _ when key[^1] == '/' => "ends with '/'",
            _ when key.Contains('\\', StringComparison.Ordinal) => "contains '\\'",
            _ when key.Contains('\0', StringComparison.Ordinal) => "contains NUL",
            _ => key.Split('/').Select(SegmentProblem).FirstOrDefault(p => p is not null),
        };
        return problem is null
            ? key
            : throw new ArgumentException($"object key \"{key}\" {problem}: the velero.io/fs provider cannot store it", nameof(key));
    }

    public static string PathOf(string root, string key)
    {
        var path = Path.GetFullPath(Path.Combine(root, Validate(key)));
        // Defence in depth after the segment checks: the result must stay under the root.
        return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException($"object key \"{key}\" escapes the store root", nameof(key));
    }

    public static bool IsTemp(string name) => name.StartsWith(TempPrefix, StringComparison.Ordinal);

    /// <summary>The key of a file below the root, with <c>/</c> separators whatever the platform.</summary>
    public static string KeyOf(string root, string path) =>
        Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static string? SegmentProblem(string segment) => segment switch
    {
        "" => "has an empty segment",
        "." or ".." => $"has a '{segment}' segment",
        _ when IsTemp(segment) => $"has a segment starting with {TempPrefix}",
        _ => null,
    };
}
