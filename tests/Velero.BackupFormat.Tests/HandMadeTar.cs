using System.IO.Compression;
using System.Text;

namespace Velero.BackupFormat.Tests;

/// <summary>
/// A tar writer and reader written from the POSIX ustar definition, independent of System.Formats.Tar, so the
/// product's tarball code is checked against the format rather than against itself.
/// </summary>
internal static class HandMadeTar
{
    private const int Block = 512;

    /// <summary>gzip(ustar) with the given regular files, mode 0755, as Velero's Go writer lays them out.</summary>
    public static byte[] Build(IEnumerable<(string Name, byte[] Content)> files)
    {
        using var tar = new MemoryStream();
        foreach (var (name, content) in files)
        {
            tar.Write(Header(name, content.Length));
            tar.Write(content);
            tar.Write(new byte[(Block - content.Length % Block) % Block]);
        }

        tar.Write(new byte[2 * Block]);
        using var gz = new MemoryStream();
        using (var gzip = new GZipStream(gz, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(tar.ToArray());
        }

        return gz.ToArray();
    }

    /// <summary>Every header of a gzip(tar): name (PAX <c>path</c> records applied), typeflag, mode and content.</summary>
    public static List<(string Name, char Type, string Mode, byte[] Content)> Read(byte[] gzipped)
    {
        using var input = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress);
        using var tar = new MemoryStream();
        input.CopyTo(tar);
        var data = tar.ToArray();
        var entries = new List<(string, char, string, byte[])>();
        string? paxPath = null;
        for (var offset = 0; offset + Block <= data.Length;)
        {
            var header = data.AsSpan(offset, Block);
            if (header.IndexOfAnyExcept((byte)0) < 0)
            {
                break;
            }

            var name = Field(header, 0, 100);
            var prefix = Field(header, 345, 155);
            var size = Convert.ToInt64(Field(header, 124, 12).Trim(), 8);
            var type = (char)header[156];
            var content = data.AsSpan(offset + Block, (int)size).ToArray();
            offset += Block + (int)((size + Block - 1) / Block * Block);
            if (type == 'x')
            {
                paxPath = PaxPath(content);
                continue;
            }

            var fullName = paxPath ?? (prefix.Length > 0 ? prefix + "/" + name : name);
            paxPath = null;
            entries.Add((fullName, type, Field(header, 100, 8).Trim(), content));
        }

        return entries;
    }

    private static byte[] Header(string name, long size)
    {
        var header = new byte[Block];
        Put(header, 0, name);
        Put(header, 100, "0000755");
        Put(header, 108, "0000000");
        Put(header, 116, "0000000");
        Put(header, 124, Convert.ToString(size, 8).PadLeft(11, '0'));
        Put(header, 136, Convert.ToString(1_700_000_000L, 8).PadLeft(11, '0'));
        header[156] = (byte)'0';
        Put(header, 257, "ustar");
        Put(header, 263, "00");
        "        "u8.CopyTo(header.AsSpan(148));
        var sum = header.Sum(b => b);
        Put(header, 148, Convert.ToString(sum, 8).PadLeft(6, '0'));
        header[154] = 0;
        header[155] = (byte)' ';
        return header;
    }

    private static void Put(byte[] header, int offset, string value) => Encoding.ASCII.GetBytes(value).CopyTo(header, offset);

    private static string Field(ReadOnlySpan<byte> header, int offset, int length)
    {
        var field = header.Slice(offset, length);
        var end = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? field : field[..end]);
    }

    private static string? PaxPath(byte[] records)
    {
        var text = Encoding.UTF8.GetString(records);
        foreach (var record in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var body = record[(record.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            if (body.StartsWith("path=", StringComparison.Ordinal))
            {
                return body["path=".Length..];
            }
        }

        return null;
    }

}
