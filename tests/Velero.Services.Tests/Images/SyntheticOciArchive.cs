using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Velero.Services.Tests.Images;

/// <summary>
/// Writes a small OCI image archive as buildah's <c>oci-archive:</c> does: oci-layout, index.json, a manifest, a
/// config and one gzip-compressed layer, all as blobs/sha256/&lt;digest&gt;.
/// </summary>
public static class SyntheticOciArchive
{
    public static void Write(string archivePath, IEnumerable<SyntheticFile> files, string user, params string[] entrypoint) =>
        Write(archivePath, files, user, [], entrypoint);

    public static void Write(string archivePath, IEnumerable<SyntheticFile> files, string user, IReadOnlyList<string> environment,
        params string[] entrypoint)
    {
        var layer = Layer(files);
        var config = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["config"] = new JsonObject
            {
                ["User"] = user,
                ["Entrypoint"] = new JsonArray([.. entrypoint.Select(e => (JsonNode)JsonValue.Create(e)!)]),
                ["Env"] = new JsonArray([.. environment.Select(e => (JsonNode)JsonValue.Create(e)!)]),
            },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray() },
        }.ToJsonString());
        var manifest = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = Descriptor("application/vnd.oci.image.config.v1+json", config),
            ["layers"] = new JsonArray(Descriptor("application/vnd.oci.image.layer.v1.tar+gzip", layer)),
        }.ToJsonString());
        var index = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["manifests"] = new JsonArray(Descriptor("application/vnd.oci.image.manifest.v1+json", manifest)),
        }.ToJsonString());

        using var output = File.Create(archivePath);
        using var writer = new TarWriter(output, TarEntryFormat.Pax);
        Add(writer, "oci-layout", Encoding.UTF8.GetBytes("{\"imageLayoutVersion\":\"1.0.0\"}"));
        Add(writer, "index.json", index);
        foreach (var blob in new[] { layer, config, manifest })
        {
            Add(writer, "blobs/sha256/" + Digest(blob)[7..], blob);
        }
    }

    private static byte[] Layer(IEnumerable<SyntheticFile> files)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            foreach (var file in files)
            {
                var data = file.Data ?? Encoding.UTF8.GetBytes(file.Content);
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, file.Path.TrimStart('/'))
                {
                    Mode = file.Mode,
                    DataStream = new MemoryStream(data),
                });
            }
        }

        return memory.ToArray();
    }

    private static JsonObject Descriptor(string mediaType, byte[] blob) =>
        new() { ["mediaType"] = mediaType, ["digest"] = Digest(blob), ["size"] = blob.Length };

    private static string Digest(byte[] blob) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(blob));

    private static void Add(TarWriter writer, string name, byte[] data) =>
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
}
