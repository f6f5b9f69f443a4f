using System.Security.Cryptography;
using System.Text;

namespace Velero.Services.Tests.Images;

/// <summary>
/// Bytes laid out as a .NET single-file executable: the bundle marker preceded by the header offset, and a version 6
/// header naming an embedded deps.json; padded past the size the checker scans.
/// </summary>
public static class FakeBundle
{
    public static byte[] With(string depsJson)
    {
        var deps = Encoding.UTF8.GetBytes(depsJson);
        using var memory = new MemoryStream();
        using var writer = new BinaryWriter(memory);
        writer.Write(Encoding.ASCII.GetBytes("\u007fELF"));
        writer.Write(new byte[100]);
        var headerOffsetAt = memory.Position;
        writer.Write(0L);
        writer.Write(SHA256.HashData(Encoding.ASCII.GetBytes(".net core bundle\n")));
        writer.Write(new byte[(1 << 20) + 10]);
        var depsOffset = memory.Position;
        writer.Write(deps);
        var headerOffset = memory.Position;
        writer.Write(6u);
        writer.Write(0u);
        writer.Write(0);
        writer.Write("bundle-id");
        writer.Write(depsOffset);
        writer.Write((long)deps.Length);
        writer.Write(0L);
        writer.Write(0L);
        writer.Write(0UL);
        writer.Write(new byte[64]);
        memory.Position = headerOffsetAt;
        writer.Write(headerOffset);
        writer.Flush();
        return memory.ToArray();
    }
}
