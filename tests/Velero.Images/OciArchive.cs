using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Velero.Images;

/// <summary>
/// Reads an OCI image archive (the tar of an OCI image layout, what <c>buildah push oci-archive:</c> writes) without
/// any container tool: index.json, its first manifest (following a nested index), the config, then the layers in
/// order, applying whiteouts, into one merged view of the file system.
/// </summary>
public static class OciArchive
{
    // Larger executables are read whole to look for a single-file bundle; smaller ones cannot be .NET bundles.
    private const long BundleScanMinimum = 1 << 20;

    public static OciImage Read(string archivePath)
    {
        var blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var file = File.OpenRead(archivePath))
        using (var reader = new TarReader(Decompress(file)))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is null || entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                {
                    continue;
                }

                using var memory = new MemoryStream();
                entry.DataStream.CopyTo(memory);
                blobs[entry.Name.TrimStart('.', '/')] = memory.ToArray();
            }
        }

        byte[] Blob(string digest) =>
            blobs.TryGetValue("blobs/" + digest.Replace(':', '/'), out var data)
                ? data
                : throw new InvalidDataException($"blob {digest} is missing from the archive");

        var index = Json(blobs.TryGetValue("index.json", out var indexData) ? indexData : throw new InvalidDataException("no index.json: not an OCI archive"));
        var manifest = Json(Blob(FirstManifest(index)));
        while (manifest["manifests"] is JsonArray)
        {
            manifest = Json(Blob(FirstManifest(manifest)));
        }

        var config = Json(Blob(Text(manifest["config"]?["digest"])))["config"];
        var files = new Dictionary<string, ImageEntry>(StringComparer.Ordinal);
        var sbomFiles = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        long layerBytes = 0, fileBytes = 0;
        foreach (var layer in manifest["layers"]?.AsArray() ?? [])
        {
            var blob = Blob(Text(layer?["digest"]));
            layerBytes += blob.Length;
            fileBytes += ApplyLayer(blob, files, sbomFiles);
        }

        return new OciImage
        {
            User = config?["User"]?.GetValue<string>() ?? "",
            Entrypoint = Strings(config?["Entrypoint"]),
            Cmd = Strings(config?["Cmd"]),
            Environment = Strings(config?["Env"]).Select(e => e.Split('=', 2))
                .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal),
            Files = files,
            SbomFiles = sbomFiles,
            LayerBytes = layerBytes,
            FileBytes = fileBytes,
        };
    }

    private static long ApplyLayer(byte[] layer, Dictionary<string, ImageEntry> files, Dictionary<string, byte[]> sbomFiles)
    {
        using var reader = new TarReader(Decompress(new MemoryStream(layer)));
        long fileBytes = 0;
        while (reader.GetNextEntry() is { } entry)
        {
            var path = "/" + entry.Name.TrimStart('.').Trim('/');
            var name = Path.GetFileName(path);
            var dir = Path.GetDirectoryName(path)!.TrimEnd('/');
            if (name == ".wh..wh..opq")
            {
                foreach (var key in files.Keys.Where(k => k.StartsWith(dir + "/", StringComparison.Ordinal)).ToList())
                {
                    files.Remove(key);
                }

                continue;
            }

            if (name.StartsWith(".wh.", StringComparison.Ordinal))
            {
                var removed = dir + "/" + name[4..];
                foreach (var key in files.Keys.Where(k => k == removed || k.StartsWith(removed + "/", StringComparison.Ordinal)).ToList())
                {
                    files.Remove(key);
                }

                continue;
            }

            fileBytes += entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile ? entry.Length : 0;
            IReadOnlyList<NuGetPackage>? bundled = null;
            if (entry.DataStream is not null && entry.Length > 0)
            {
                var executable = (entry.Mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
                var isSbom = path.StartsWith("/sbom/", StringComparison.Ordinal);
                if ((executable && entry.Length >= BundleScanMinimum) || isSbom)
                {
                    using var memory = new MemoryStream();
                    entry.DataStream.CopyTo(memory);
                    if (isSbom)
                    {
                        sbomFiles[path] = memory.ToArray();
                    }
                    else if (SingleFileBundle.DepsJson(memory.GetBuffer().AsSpan(0, (int)memory.Length)) is { } deps)
                    {
                        bundled = NuGetPackage.FromJson(deps);
                    }
                }
            }

            files[path == "/" ? "/" : path] = new ImageEntry(path, entry.EntryType, entry.Mode, entry.Uid, entry.Gid,
                string.IsNullOrEmpty(entry.LinkName) ? null : entry.LinkName, bundled);
        }

        return fileBytes;
    }

    // Layers and archives may be gzip-compressed (buildah's default for oci-archive) or plain tar.
    private static Stream Decompress(Stream stream)
    {
        var buffered = new BufferedStream(stream);
        Span<byte> magic = stackalloc byte[2];
        var read = buffered.Read(magic);
        buffered.Seek(-read, SeekOrigin.Current);
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(buffered, CompressionMode.Decompress) : buffered;
    }

    private static JsonNode Json(byte[] data) => JsonNode.Parse(data) ?? throw new InvalidDataException("empty JSON document");

    private static string FirstManifest(JsonNode index) =>
        Text(index["manifests"]?.AsArray().FirstOrDefault()?["digest"]);

    private static string Text(JsonNode? node) =>
        node?.GetValue<string>() ?? throw new InvalidDataException("a digest is missing from the image metadata");

    private static List<string> Strings(JsonNode? node) =>
        [.. (node?.AsArray() ?? []).Select(n => n?.GetValue<string>() ?? "")];
}
