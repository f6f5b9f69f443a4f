using System.Text.Json.Nodes;
using Microsoft.Win32.SafeHandles;
using Velero.BackupFormat.Layout;
using Velero.BackupFormat.Tarball;
using Velero.ObjectStorage;
using Velero.ObjectStorage.Locations;
using Velero.Restorer.Actions;

namespace Velero.Restorer.Engine;

/// <summary>
/// The backup's items, read from the tarball in one streaming pass into a temporary file and indexed by type and by
/// name. A restore needs them in priority order and by name (additional items), which the tarball's order is not; the
/// spool keeps memory flat whatever the backup's size, and reading the whole tarball before creating anything means a
/// corrupt or truncated backup fails the restore with nothing created. Only items at the default path are kept
/// (upstream restores those unless API group versions are enabled). Reads are thread-safe.
/// </summary>
internal sealed class BackupSpool : IDisposable
{
    private readonly FileStream _file;
    private readonly SafeFileHandle _handle;
    private readonly Dictionary<string, List<SpooledItem>> _byType;
    private readonly Dictionary<(string GroupResource, string? Namespace, string Name), SpooledItem> _byName;

    private BackupSpool(FileStream file, Dictionary<string, List<SpooledItem>> byType,
        Dictionary<(string, string?, string), SpooledItem> byName)
    {
        _file = file;
        _handle = file.SafeFileHandle;
        _byType = byType;
        _byName = byName;
    }

    /// <summary>The group-resources the backup holds items of.</summary>
    public IReadOnlyCollection<string> GroupResources => _byType.Keys;

    public int Count => _byName.Count;

    /// <summary>
    /// Reads <c>backups/&lt;backup&gt;/&lt;backup&gt;.tar.gz</c>. Throws <see cref="RestoreFailedException"/> when it is
    /// missing, unreadable, corrupt or truncated.
    /// </summary>
    public static async Task<BackupSpool> ReadAsync(ObjectStoreLocation location, string backup, string? directory,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(string.IsNullOrEmpty(directory) ? Path.GetTempPath() : directory, $"velero-restore-{Guid.NewGuid():N}.spool");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var byType = new Dictionary<string, List<SpooledItem>>(StringComparer.Ordinal);
            var byName = new Dictionary<(string, string?, string), SpooledItem>();
            var key = BackupLayout.BackupTarball(backup);
            Stream tarball;
            try
            {
                tarball = await location.GetAsync(key, cancellationToken);
            }
            catch (ObjectNotFoundException)
            {
                throw new RestoreFailedException($"error downloading backup tarball: backup {backup} has no {key} in its storage location");
            }

            await using (tarball)
            {
                try
                {
                    await foreach (var entry in BackupTarballReader.ReadAsync(tarball, cancellationToken))
                    {
                        if (entry.Item is not { VersionDirectory: null } item)
                        {
                            continue;
                        }

                        var spooled = new SpooledItem(item, file.Position, entry.Content.Length);
                        await file.WriteAsync(entry.Content, cancellationToken);
                        var type = item.Resource.ToString();
                        if (!byType.TryGetValue(type, out var list))
                        {
                            byType[type] = list = [];
                        }

                        list.Add(spooled);
                        byName[(type, item.Namespace, item.Name)] = spooled;
                    }
                }
                catch (CorruptBackupException e)
                {
                    throw new RestoreFailedException($"error reading backup tarball {key}: {e.Message}", e);
                }
                catch (Exception e) when (e is not OperationCanceledException and not RestoreFailedException)
                {
                    throw new RestoreFailedException($"error downloading backup tarball {key}: {MessageSanitizer.Sanitize(e.Message)}", e);
                }
            }

            await file.FlushAsync(cancellationToken);
            return new BackupSpool(file, byType, byName);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public IReadOnlyList<SpooledItem> ItemsOf(string groupResource) =>
        _byType.TryGetValue(groupResource, out var items) ? items : [];

    public SpooledItem? Find(ItemReference item) =>
        _byName.GetValueOrDefault((item.GroupResource, item.Namespace, item.Name));

    /// <summary>The item's JSON object; a file that is not a JSON object throws <see cref="InvalidDataException"/>.</summary>
    public JsonObject Read(SpooledItem item)
    {
        var buffer = new byte[item.Length];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = RandomAccess.Read(_handle, buffer.AsSpan(read), item.Offset + read);
            if (n == 0)
            {
                throw new EndOfStreamException("the restore's spool file ended early");
            }

            read += n;
        }

        try
        {
            return JsonNode.Parse(buffer) as JsonObject ?? throw new InvalidDataException("the item is not a JSON object");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    public void Dispose() => _file.Dispose();
}
