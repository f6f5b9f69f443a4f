namespace Velero.BackupFormat.Tests;

/// <summary>
/// One tar header as laid out on disk: the full name (ustar prefix or a preceding PAX <c>path</c> applied), the raw
/// prefix field, the numeric fields, whether the stored checksum matches the header's bytes, and the entry's data.
/// </summary>
internal sealed record RawTarHeader(string Name, string Prefix, char TypeFlag, int Mode, long Uid, long Gid, long ModificationTime,
    bool ChecksumMatches, string Magic, string Version, byte[] Content);
