using Velero.BackupFormat.Tarball;

namespace Velero.Restorer.Engine;

/// <summary>Where one item of the backup waits in the spool file.</summary>
internal sealed record SpooledItem(ItemPath Path, long Offset, int Length)
{
    public string GroupResource => Path.Resource.ToString();
}
