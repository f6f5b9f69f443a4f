namespace Velero.BackupFormat.Tarball;

/// <summary>One file of a backup tarball; <see cref="Item"/> is set for resource items.</summary>
public sealed record TarballEntry(string Path, ItemPath? Item, ReadOnlyMemory<byte> Content);
