using Velero.BackupFormat.Tarball;

namespace Velero.Snapshotter.Collection;

/// <summary>One item on its way to the tarball writer, already serialized.</summary>
internal sealed record TarballItem(GroupResource Resource, string? Namespace, string Name, string? PreferredVersion, byte[] Json);
