namespace Velero.ObjectStorage.Locations;

/// <summary>The top-level "directories" a location root may hold (spec 1.1) and upstream's check of them.</summary>
public static class TopLevelDirectories
{
    /// <summary>Upstream's <c>objectStoreLayout.subdirs</c>; <c>plugins/</c> is reserved and never written.</summary>
    public static readonly IReadOnlyList<string> Valid = ["backups", "restores", "restic", "metadata", "plugins", "kopia"];

    public static bool IsValid(string directory) => Valid.Contains(directory, StringComparer.Ordinal);

    /// <summary>
    /// Upstream's <c>IsValid</c> message for the directories (names without the trailing <c>/</c>) that are not
    /// in <see cref="Valid"/>, or null when all are: at most 3 listed, then <c>...</c>, with the count form.
    /// </summary>
    public static string? Check(IEnumerable<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var invalid = directories.Where(d => !IsValid(d)).ToList();
        return invalid.Count switch
        {
            0 => null,
            > 3 => $"Backup store contains {invalid.Count} invalid top-level directories: {ConfigKeys.GoList([.. invalid.Take(3), "..."])}",
            _ => $"Backup store contains invalid top-level directories: {ConfigKeys.GoList(invalid)}",
        };
    }
}
