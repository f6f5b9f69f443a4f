using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Velero.BackupFormat.Tests;

/// <summary>
/// A tar writer and header parser written from the POSIX ustar and pax definitions, independent of
/// System.Formats.Tar and of the product, so the product's tarball code is judged against the format rather than
/// against itself. Files are written as Velero's Go writer lays them out: regular files (typeflag <c>0</c>), mode
/// 0755, uid/gid 0; a path over 100 bytes goes in the ustar prefix field where it splits at a slash (the longest
/// prefix that fits, as Go's <c>splitUSTARPath</c>), else in a PAX <c>path</c> record.
/// </summary>
internal static class HandBuiltTar
{
    public const int Block = 512;

    public static readonly DateTimeOffset DefaultModificationTime = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    /// <summary>gzip(tar) of <paramref name="files"/>.</summary>
    public static byte[] Build(IEnumerable<(string Path, byte[] Content)> files) => Gzip(Tar(files));

    /// <summary>Every header of a gzip(tar), PAX and ustar-prefixed names applied.</summary>
    public static List<RawTarHeader> Read(byte[] gzipped) => Parse(Gunzip(gzipped));

    /// <param name="sizesInPax">
    /// Give every file's size in a PAX <c>size</c> record and 0 in its ustar field, as writers do for files over 8 GiB.
    /// </param>
    public static byte[] Tar(IEnumerable<(string Path, byte[] Content)> files, DateTimeOffset? modified = null, bool sizesInPax = false)
    {
        var mtime = (modified ?? DefaultModificationTime).ToUnixTimeSeconds();
        using var tar = new MemoryStream();
        foreach (var (path, content) in files)
        {
            string name, prefix = "";
            var pax = sizesInPax ? PaxRecord("size", content.Length.ToString(CultureInfo.InvariantCulture)) : "";
            if (Encoding.UTF8.GetByteCount(path) <= 100)
            {
                name = path;
            }
            else if (SplitForUstar(path) is { } split)
            {
                (prefix, name) = split;
            }
            else
            {
                pax += PaxRecord("path", path);
                name = path[..100];
            }

            if (pax.Length > 0)
            {
                var records = Encoding.UTF8.GetBytes(pax);
                var baseName = path[(path.LastIndexOf('/') + 1)..];
                WriteEntry(tar, Header("PaxHeaders/" + baseName[..Math.Min(baseName.Length, 80)], "", records.Length, 'x', mtime), records);
            }

            WriteEntry(tar, Header(name, prefix, sizesInPax ? 0 : content.Length, '0', mtime), content);
        }

        tar.Write(new byte[2 * Block]);
        return tar.ToArray();
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] Gunzip(byte[] data)
    {
        using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    public static List<RawTarHeader> Parse(byte[] tar)
    {
        var headers = new List<RawTarHeader>();
        string? paxPath = null;
        var offset = 0;
        while (offset + Block <= tar.Length)
        {
            var block = tar.AsSpan(offset, Block);
            if (block.IndexOfAnyExcept((byte)0) < 0)
            {
                break;
            }

            var size = ParseOctal(block.Slice(124, 12));
            var typeFlag = (char)block[156];
            var content = tar.AsSpan(offset + Block, (int)size).ToArray();
            var name = Text(block[..100]);
            var prefix = Text(block.Slice(345, 155));
            var full = paxPath ?? (prefix.Length > 0 ? prefix + "/" + name : name);
            paxPath = typeFlag == 'x' ? PaxPath(content) : null;
            headers.Add(new RawTarHeader(full, prefix, typeFlag, (int)ParseOctal(block.Slice(100, 8)), ParseOctal(block.Slice(108, 8)),
                ParseOctal(block.Slice(116, 8)), ParseOctal(block.Slice(136, 12)), ParseOctal(block.Slice(148, 8)) == Checksum(block),
                Text(block.Slice(257, 6)), Encoding.ASCII.GetString(block.Slice(263, 2)), content));
            offset += Block + (int)((size + Block - 1) / Block * Block);
        }

        return headers;
    }

    private static void WriteEntry(MemoryStream tar, byte[] header, byte[] content)
    {
        tar.Write(header);
        tar.Write(content);
        tar.Write(new byte[(Block - content.Length % Block) % Block]);
    }

    private static (string Prefix, string Name)? SplitForUstar(string path)
    {
        var slash = path.LastIndexOf('/', Math.Min(155, path.Length - 1));
        return slash > 0 && path.Length - slash - 1 is > 0 and <= 100 ? (path[..slash], path[(slash + 1)..]) : null;
    }

    /// <summary>A PAX record, "<c>length key=value\n</c>", whose length counts its own digits.</summary>
    private static string PaxRecord(string key, string value)
    {
        var body = $" {key}={value}\n";
        var length = Encoding.UTF8.GetByteCount(body);
        var total = length + Digits(length);
        if (Digits(total) != Digits(length))
        {
            total++;
        }

        return total.ToString(CultureInfo.InvariantCulture) + body;
    }

    private static int Digits(int value) => value.ToString(CultureInfo.InvariantCulture).Length;

    private static byte[] Header(string name, string prefix, long size, char typeFlag, long mtime)
    {
        var header = new byte[Block];
        Put(header, 0, name);
        Put(header, 100, "0000755");
        Put(header, 108, "0000000");
        Put(header, 116, "0000000");
        Put(header, 124, Octal(size, 11));
        Put(header, 136, Octal(mtime, 11));
        header[156] = (byte)typeFlag;
        Put(header, 257, "ustar");
        Put(header, 263, "00");
        Put(header, 345, prefix);
        Put(header, 148, Octal(Checksum(header), 6));
        header[154] = 0;
        header[155] = (byte)' ';
        return header;
    }

    /// <summary>The sum of the header's bytes, its own checksum field counted as eight spaces.</summary>
    private static long Checksum(ReadOnlySpan<byte> header)
    {
        long sum = 0;
        for (var i = 0; i < Block; i++)
        {
            sum += i is >= 148 and < 156 ? ' ' : header[i];
        }

        return sum;
    }

    private static string Octal(long value, int digits) => Convert.ToString(value, 8).PadLeft(digits, '0');

    private static void Put(byte[] header, int offset, string value) => Encoding.UTF8.GetBytes(value).CopyTo(header, offset);

    private static long ParseOctal(ReadOnlySpan<byte> field) =>
        Convert.ToInt64(Encoding.ASCII.GetString(field).Trim('\0', ' ') is { Length: > 0 } digits ? digits : "0", 8);

    private static string Text(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? field : field[..end]);
    }

    private static string? PaxPath(byte[] records)
    {
        var at = 0;
        while (at < records.Length)
        {
            var space = Array.IndexOf(records, (byte)' ', at);
            var length = int.Parse(Encoding.ASCII.GetString(records, at, space - at), CultureInfo.InvariantCulture);
            var record = Encoding.UTF8.GetString(records, space + 1, at + length - space - 2);
            if (record.StartsWith("path=", StringComparison.Ordinal))
            {
                return record["path=".Length..];
            }

            at += length;
        }

        return null;
    }
}
