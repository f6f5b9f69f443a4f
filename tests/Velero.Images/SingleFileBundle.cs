using System.Security.Cryptography;
using System.Text;

namespace Velero.Images;

/// <summary>
/// Finds the deps.json inside a .NET single-file executable. The host carries a 32-byte marker (the SHA-256 of
/// ".net core bundle\n") preceded by the 64-bit offset of the bundle header; the header (version 2 and later) names the
/// offset and size of the embedded deps.json (the layout of the .NET single-file bundle format).
/// </summary>
public static class SingleFileBundle
{
    private static readonly byte[] Marker = SHA256.HashData(Encoding.ASCII.GetBytes(".net core bundle\n"));

    /// <summary>The embedded deps.json text, or null when the file is no bundle (or an unbundled host).</summary>
    public static string? DepsJson(ReadOnlySpan<byte> file)
    {
        var start = 0;
        while (true)
        {
            var at = file[start..].IndexOf(Marker);
            if (at < 0)
            {
                return null;
            }

            at += start;
            start = at + 1;
            if (at < 8)
            {
                continue;
            }

            var headerOffset = BitConverter.ToInt64(file.Slice(at - 8, 8));
            if (headerOffset <= 0 || headerOffset >= file.Length - 64)
            {
                continue;
            }

            var header = file[(int)headerOffset..];
            var major = BitConverter.ToUInt32(header);
            if (major < 2)
            {
                return null;
            }

            // major, minor, file count, then the bundle id as a length-prefixed (7-bit varint) UTF-8 string.
            var position = 12;
            var idLength = 0;
            var shift = 0;
            byte b;
            do
            {
                b = header[position++];
                idLength |= (b & 0x7f) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);
            position += idLength;
            var depsOffset = BitConverter.ToInt64(header[position..]);
            var depsSize = BitConverter.ToInt64(header[(position + 8)..]);
            return depsSize <= 0 || depsOffset + depsSize > file.Length
                ? null
                : Encoding.UTF8.GetString(file.Slice((int)depsOffset, (int)depsSize));
        }
    }
}
