using Velero.ObjectStorage.Locations;

namespace Velero.ObjectStorage.Tests.Locations;

public sealed class TopLevelDirectoriesTests
{
    public static TheoryData<string[], string?> Cases => new()
    {
        { [], null },
        { ["backups", "restores", "restic", "metadata", "plugins", "kopia"], null },
        { ["backups", "junk"], "Backup store contains invalid top-level directories: [junk]" },
        { ["a", "backups", "b", "c"], "Backup store contains invalid top-level directories: [a b c]" },
        { ["a", "b", "c", "d"], "Backup store contains 4 invalid top-level directories: [a b c ...]" },
        { ["a", "b", "c", "d", "e", "kopia"], "Backup store contains 5 invalid top-level directories: [a b c ...]" },
        // Case matters, as in upstream's map lookup.
        { ["Backups"], "Backup store contains invalid top-level directories: [Backups]" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_directories_velero_does_not_own_as_upstream_words_it(string[] directories, string? expected) =>
        Assert.Equal(expected, TopLevelDirectories.Check(directories));
}
