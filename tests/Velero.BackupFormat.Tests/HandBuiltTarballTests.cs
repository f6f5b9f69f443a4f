using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Hashing;
using System.Text;
using Velero.BackupFormat.Tarball;

namespace Velero.BackupFormat.Tests;

/// <summary>
/// A backup tarball laid out byte by byte from spec section 2 (gzip over POSIX ustar: 512-byte headers, regular files
/// with typeflag <c>0</c> and mode <c>0755</c>, no directories, <c>metadata/version</c>, each item at its path and again
/// under <c>v1-preferredversion</c>), written and parsed here without System.Formats.Tar or the product's code, so the
/// product's reader and writer are judged against the format rather than against each other. A path over 100 bytes
/// goes in the ustar prefix field where it splits at a slash (as Go's archive/tar does), else in a PAX <c>path</c>
/// record (object names reach 253 characters).
/// </summary>
public sealed class HandBuiltTarballTests
{
    private const int Block = HandBuiltTar.Block;

    private static readonly DateTimeOffset Written = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    // Fits the ustar prefix: "resources/configmaps/namespaces/shop" + "/" + 95 bytes of name.
    private static readonly string PrefixName = "settings-" + new string('p', 81);

    // A Kubernetes name of 253 characters: the last path element alone is over 100 bytes, so only PAX can carry it.
    private static readonly string PaxName = "cache-" + new string('x', 247);

    private static readonly (GroupResource Resource, string? Namespace, string Name, string Json)[] Items =
    [
        (new("", "pods"), "shop", "cart-0", """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"cart-0","namespace":"shop"},"status":{"phase":"Running"}}"""),
        (new("", "namespaces"), null, "shop", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"}}"""),
        (new("apps", "deployments"), "shop", "web", """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop"}}"""),
        (new("", "configmaps"), "shop", PrefixName, $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{PrefixName}}}"}}"""),
        (new("", "configmaps"), "shop", PaxName, $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{PaxName}}}"}}"""),
    ];

    /// <summary>Every file of the backup as spec 2 lays it out: the version file, then each item twice.</summary>
    private static List<(string Path, string Content)> ExpectedFiles()
    {
        var files = new List<(string, string)> { ("metadata/version", "1.1.0\n") };
        foreach (var (resource, ns, name, json) in Items)
        {
            var scope = ns is null ? "cluster" : $"namespaces/{ns}";
            files.Add(($"resources/{resource}/{scope}/{name}.json", json));
            files.Add(($"resources/{resource}/v1-preferredversion/{scope}/{name}.json", json));
        }

        return files;
    }

    [Fact]
    public void The_hand_built_tarball_uses_the_ustar_prefix_and_a_pax_record_for_its_two_long_paths()
    {
        var headers = HandBuiltTar.Read(HandBuiltTar.Build(Bytes(ExpectedFiles())));

        var prefixed = headers.Single(h => h.Name.Contains(PrefixName, StringComparison.Ordinal) && !h.Name.Contains("preferred", StringComparison.Ordinal));
        Assert.Equal("resources/configmaps/namespaces/shop", prefixed.Prefix);
        Assert.Equal(2, headers.Count(h => h.TypeFlag == 'x'));
        Assert.All(headers, h => Assert.True(h.ChecksumMatches, h.Name));
    }

    [Fact]
    public async Task Gnu_tar_lists_the_hand_built_tarball_as_regular_0755_files_so_the_hand_layout_is_sound()
    {
        var path = Path.Combine(Path.GetTempPath(), $"velero-hand-{Guid.NewGuid():N}.tar.gz");
        await File.WriteAllBytesAsync(path, HandBuiltTar.Build(Bytes(ExpectedFiles())));
        try
        {
            var start = new ProcessStartInfo("tar", ["-tvzf", path]) { RedirectStandardOutput = true, UseShellExecute = false };
            start.Environment["TZ"] = "UTC";
            using var tar = Process.Start(start)!;
            var listing = (await tar.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            await tar.WaitForExitAsync();

            Assert.Equal(0, tar.ExitCode);
            Assert.Equal(ExpectedFiles().Select(f => f.Path), listing.Select(line => line[(line.IndexOf(" 12:00 ", StringComparison.Ordinal) + 7)..]));
            Assert.All(listing, line => Assert.StartsWith("-rwxr-xr-x 0/0", line, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_reader_sees_exactly_the_hand_built_files_items_and_contents()
    {
        var entries = await ReadAllAsync(HandBuiltTar.Build(Bytes(ExpectedFiles())));

        Assert.Equal(ExpectedFiles(), entries.Select(e => (e.Path, Encoding.UTF8.GetString(e.Content.Span))));
        Assert.Null(entries[0].Item);
        var expectedItems = Items.SelectMany(i => new[]
        {
            new ItemPath(i.Resource, null, i.Namespace, i.Name),
            new ItemPath(i.Resource, "v1-preferredversion", i.Namespace, i.Name),
        });
        Assert.Equal(expectedItems, entries.Skip(1).Select(e => e.Item));
        Assert.Equal("v1", entries[2].Item!.PreferredVersion);
        Assert.True(entries[3].Item!.IsClusterScoped);
        Assert.Equal("apps", entries[5].Item!.Resource.Group);
        Assert.Equal(PaxName, entries[9].Item!.Name);
    }

    [Fact]
    public async Task The_writers_tarball_parsed_by_hand_has_the_same_files_as_regular_0755_entries_with_valid_checksums()
    {
        var tarball = await WriteWithProductAsync();

        var headers = HandBuiltTar.Read(tarball);

        var files = headers.Where(h => h.TypeFlag != 'x').ToList();
        Assert.Equal(ExpectedFiles(), files.Select(h => (h.Name, Encoding.UTF8.GetString(h.Content))));
        Assert.All(headers, h => Assert.True(h.ChecksumMatches, $"header checksum of {h.Name}"));
        Assert.All(headers, h => Assert.Equal(("ustar", "00"), (h.Magic, h.Version)));
        Assert.All(files, h => Assert.Equal('0', h.TypeFlag));
        Assert.All(files, h => Assert.Equal(Convert.ToInt32("755", 8), h.Mode));
        Assert.All(files, h => Assert.Equal((0, 0), (h.Uid, h.Gid)));
        Assert.All(files, h => Assert.Equal(Written.ToUnixTimeSeconds(), h.ModificationTime));
        // PAX extended headers are allowed only as the carrier of a long path for the file that follows them.
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].TypeFlag == 'x')
            {
                Assert.Equal('0', headers[i + 1].TypeFlag);
                Assert.True(Encoding.UTF8.GetByteCount(headers[i + 1].Name) > 100, headers[i + 1].Name);
            }
        }
    }

    [Fact]
    public async Task The_writer_lays_out_long_paths_as_gos_archive_tar_does_ustar_prefix_first_then_pax()
    {
        var written = HandBuiltTar.Read(await WriteWithProductAsync());
        var byHand = HandBuiltTar.Read(HandBuiltTar.Build(Bytes(ExpectedFiles())));

        Assert.Equal(byHand.Select(h => (h.TypeFlag, h.Prefix)), written.Select(h => (h.TypeFlag, h.Prefix)));
        Assert.Equal(["resources/configmaps/namespaces/shop", "resources/configmaps/v1-preferredversion/namespaces/shop"],
            written.Where(h => h.Prefix.Length > 0).Select(h => h.Prefix));
        Assert.Equal(2, written.Count(h => h.TypeFlag == 'x'));
    }

    [Fact]
    public async Task The_writers_output_is_one_plain_gzip_member_whose_trailer_matches_the_tar()
    {
        var tarball = await WriteWithProductAsync();

        var tar = HandBuiltTar.Gunzip(tarball);

        Assert.Equal(new byte[] { 0x1f, 0x8b, 8 }, tarball[..3]);
        Assert.Equal(Crc32.HashToUInt32(tar), BinaryPrimitives.ReadUInt32LittleEndian(tarball.AsSpan(tarball.Length - 8)));
        Assert.Equal((uint)tar.Length, BinaryPrimitives.ReadUInt32LittleEndian(tarball.AsSpan(tarball.Length - 4)));
        Assert.Equal(0, tar.Length % Block);
        Assert.True(tar.AsSpan(tar.Length - 2 * Block).IndexOfAnyExcept((byte)0) < 0, "the tar ends with two zero blocks");
    }

    [Fact]
    public async Task The_hand_built_and_the_written_tarball_read_back_the_same()
    {
        var byHand = await ReadAllAsync(HandBuiltTar.Build(Bytes(ExpectedFiles())));
        var written = await ReadAllAsync(await WriteWithProductAsync());

        Assert.Equal(byHand.Select(e => (e.Path, e.Item, Encoding.UTF8.GetString(e.Content.Span))),
            written.Select(e => (e.Path, e.Item, Encoding.UTF8.GetString(e.Content.Span))));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(40)]
    [InlineData(300)]
    public async Task A_truncated_hand_built_tarball_is_reported_corrupt(int cut)
    {
        var tarball = HandBuiltTar.Build(Bytes(ExpectedFiles()));

        var error = await Assert.ThrowsAsync<CorruptBackupException>(() => ReadAllAsync(tarball[..^cut]));

        Assert.Contains("backup tarball is corrupt or truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tar_cut_inside_an_entry_and_gzipped_whole_is_reported_corrupt_after_the_entries_it_read()
    {
        var tar = HandBuiltTar.Tar(Bytes(ExpectedFiles()));
        // metadata/version (header + one data block), then the first item's header and 100 bytes of its data.
        var cut = HandBuiltTar.Gzip(tar[..(2 * Block + Block + 100)]);

        var error = await Assert.ThrowsAsync<CorruptBackupException>(() => ReadAllAsync(cut));

        Assert.Contains("after 1 entries (last: metadata/version)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_compressed_byte_is_reported_corrupt()
    {
        var tarball = HandBuiltTar.Build(Bytes(ExpectedFiles()));
        tarball[tarball.Length / 2] ^= 0x40;

        await Assert.ThrowsAsync<CorruptBackupException>(() => ReadAllAsync(tarball));
    }

    [Fact]
    public async Task A_header_whose_checksum_does_not_match_is_reported_corrupt()
    {
        var tar = HandBuiltTar.Tar(Bytes(ExpectedFiles()));
        // The first item's header starts after metadata/version's header and data block; damage its name.
        tar[2 * Block + 20] ^= 0x01;

        var error = await Assert.ThrowsAsync<CorruptBackupException>(() => ReadAllAsync(HandBuiltTar.Gzip(tar)));

        Assert.Contains("after 1 entries (last: metadata/version): the tar header at offset 1024 has a bad checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sizes_given_in_pax_records_are_followed_and_a_ustar_prefix_after_a_pax_header_is_kept_as_go_reads_it()
    {
        // Every file gets a PAX header here, so the two paths split into prefix and name are PAX entries without a path record.
        var entries = await ReadAllAsync(HandBuiltTar.Gzip(HandBuiltTar.Tar(Bytes(ExpectedFiles()), sizesInPax: true)));

        Assert.Equal(ExpectedFiles(), entries.Select(e => (e.Path, Encoding.UTF8.GetString(e.Content.Span))));
    }

    [Fact]
    public async Task A_header_checksummed_over_signed_bytes_as_some_old_writers_did_is_accepted()
    {
        var files = new List<(string, string)> { ("metadata/version", "1.1.0\n"), ("resources/configmaps/namespaces/shop/caf\u00e9.json", "{}") };
        var tar = HandBuiltTar.Tar(Bytes(files));
        var header = tar.AsSpan(2 * Block, Block);
        long signedSum = 0;
        for (var i = 0; i < Block; i++)
        {
            signedSum += i is >= 148 and < 156 ? ' ' : (sbyte)header[i];
        }

        Encoding.ASCII.GetBytes(Convert.ToString(signedSum, 8).PadLeft(6, '0')).CopyTo(header[148..]);
        Assert.False(HandBuiltTar.Parse(tar)[1].ChecksumMatches, "the unsigned sum differs once the name has a non-ASCII byte");

        var entries = await ReadAllAsync(HandBuiltTar.Gzip(tar));

        Assert.Equal("resources/configmaps/namespaces/shop/caf\u00e9.json", entries[1].Path);
    }

    private static IEnumerable<(string Path, byte[] Content)> Bytes(IEnumerable<(string Path, string Content)> files) =>
        files.Select(f => (f.Path, Encoding.UTF8.GetBytes(f.Content)));

    private static async Task<byte[]> WriteWithProductAsync()
    {
        using var output = new MemoryStream();
        await using (var writer = await BackupTarballWriter.CreateAsync(output, new FixedClock(Written)))
        {
            foreach (var (resource, ns, name, json) in Items)
            {
                await writer.WriteItemAsync(resource, ns, name, "v1", Encoding.UTF8.GetBytes(json));
            }
        }

        return output.ToArray();
    }

    private static async Task<List<TarballEntry>> ReadAllAsync(byte[] tarball)
    {
        var entries = new List<TarballEntry>();
        await foreach (var entry in BackupTarballReader.ReadAsync(new MemoryStream(tarball)))
        {
            entries.Add(entry);
        }

        return entries;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
