using System.Security.Cryptography;
using System.Text;

namespace Velero.ObjectStorage.Tests;

internal static class Streams
{
    public static MemoryStream Of(string text) => new(Encoding.UTF8.GetBytes(text));

    public static async Task<string> ReadAllTextAsync(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    public static async Task<string> Sha256Async(Stream stream) =>
        Convert.ToHexString(await SHA256.HashDataAsync(stream));

    public static async Task<List<string>> ToListAsync(IAsyncEnumerable<string> items)
    {
        var list = new List<string>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
