using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using Velero.Api.V1;
using Velero.BackupFormat.Layout;
using Velero.ObjectStorage.Locations;

namespace Velero.Restorer.Tests.Support;

/// <summary>
/// A backup laid out by hand exactly as upstream Velero 1.18 writes it (spec 2), with the framework's tar and gzip
/// rather than the project's writer: <c>metadata/version</c>, each item at
/// <c>resources/&lt;gr&gt;/namespaces/&lt;ns&gt;/&lt;name&gt;.json</c> or <c>resources/&lt;gr&gt;/cluster/&lt;name&gt;.json</c> and again
/// under <c>&lt;version&gt;-preferredversion</c>, USTAR regular files of mode 0755, no directory entries; and
/// <c>velero-backup.json</c> beside it.
/// </summary>
public static class UpstreamTarball
{
    public static byte[] Build(IEnumerable<(string GroupResource, JsonObject Item)> items)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Ustar, leaveOpen: true))
        {
            Write(tar, "metadata/version", "1.1.0\n"u8.ToArray());
            foreach (var (groupResource, item) in items)
            {
                var apiVersion = (string)item["apiVersion"]!;
                var version = apiVersion[(apiVersion.IndexOf('/') + 1)..];
                var ns = (string?)item["metadata"]?["namespace"];
                var tail = ns is null ? $"cluster/{item["metadata"]!["name"]}.json" : $"namespaces/{ns}/{item["metadata"]!["name"]}.json";
                var body = Encoding.UTF8.GetBytes(item.ToJsonString());
                Write(tar, $"resources/{groupResource}/{tail}", body);
                Write(tar, $"resources/{groupResource}/{version}-preferredversion/{tail}", body);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Puts the tarball and <c>velero-backup.json</c> (the Backup as upstream marshals it) into the location.</summary>
    public static async Task PutAsync(ObjectStoreLocation location, Backup backup, byte[] tarball)
    {
        var name = backup.Metadata.Name;
        using (var body = new MemoryStream(tarball))
        {
            await location.PutAsync(BackupLayout.BackupTarball(name), body);
        }

        using var metadata = new MemoryStream(Encoding.UTF8.GetBytes(KubernetesJson.Serialize(backup)));
        await location.PutAsync(BackupLayout.BackupMetadata(name), metadata);
    }

    /// <summary>The Backup read back from <c>velero-backup.json</c>, as the restore controller gets it.</summary>
    public static async Task<Backup> ReadBackupAsync(ObjectStoreLocation location, string name)
    {
        await using var stream = await location.GetAsync(BackupLayout.BackupMetadata(name));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return KubernetesJson.Deserialize<Backup>(await reader.ReadToEndAsync());
    }

    private static void Write(TarWriter tar, string path, byte[] content) =>
        tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, path)
        {
            Mode = (UnixFileMode)0b111_101_101,
            ModificationTime = DateTimeOffset.UtcNow,
            DataStream = new MemoryStream(content),
        });
}
