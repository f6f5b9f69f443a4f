using System.Diagnostics;
using System.Text;
using Velero.BackupFormat.Tarball;

namespace Velero.BackupFormat.Tests;

public sealed class TarballWriterTests
{
    private static readonly GroupResource Deployments = new("apps", "deployments");
    private static readonly GroupResource Namespaces = new("", "namespaces");

    [Fact]
    public async Task The_tarball_has_the_version_file_and_each_item_at_its_path_with_a_preferred_version_copy()
    {
        var web = """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop"}}"""u8.ToArray();
        var ns = """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"}}"""u8.ToArray();

        var entries = HandBuiltTar.Read(await WriteAsync(async w =>
        {
            await w.WriteItemAsync(Deployments, "shop", "web", "v1", web);
            await w.WriteItemAsync(Namespaces, null, "shop", "v1", ns);
        }));

        Assert.Equal(
        [
            "metadata/version",
            "resources/deployments.apps/namespaces/shop/web.json",
            "resources/deployments.apps/v1-preferredversion/namespaces/shop/web.json",
            "resources/namespaces/cluster/shop.json",
            "resources/namespaces/v1-preferredversion/cluster/shop.json",
        ], entries.Select(e => e.Name));
        Assert.Equal("1.1.0\n", Encoding.UTF8.GetString(entries[0].Content));
        Assert.All(entries, e => Assert.Equal('0', e.TypeFlag));
        Assert.All(entries, e => Assert.Equal(Convert.ToInt32("755", 8), e.Mode));
        Assert.Equal(web, entries[1].Content);
        Assert.Equal(web, entries[2].Content);
        Assert.Equal(ns, entries[3].Content);
    }

    [Fact]
    public async Task An_item_collected_in_a_non_preferred_version_has_no_copy()
    {
        var entries = HandBuiltTar.Read(await WriteAsync(w => w.WriteItemAsync(Deployments, "shop", "web", null, "{}"u8.ToArray())));

        Assert.Equal(["metadata/version", "resources/deployments.apps/namespaces/shop/web.json"], entries.Select(e => e.Name));
    }

    [Fact]
    public async Task Names_longer_than_a_ustar_header_holds_survive()
    {
        var name = new string('n', 200);

        var entries = HandBuiltTar.Read(await WriteAsync(w => w.WriteItemAsync(Deployments, "shop", name, null, "{}"u8.ToArray())));

        // A PAX extended header carries the path of the file that follows it.
        Assert.Equal(['0', 'x', '0'], entries.Select(e => e.TypeFlag));
        Assert.Equal($"resources/deployments.apps/namespaces/shop/{name}.json", entries[2].Name);
    }

    [Fact]
    public async Task Gnu_tar_lists_what_was_written()
    {
        var path = Path.Combine(Path.GetTempPath(), $"velero-{Guid.NewGuid():N}.tar.gz");
        await File.WriteAllBytesAsync(path, await WriteAsync(w => w.WriteItemAsync(Deployments, "shop", "web", "v1", "{}"u8.ToArray())));
        try
        {
            var listing = Run("tar", "-tvzf", path);

            Assert.Equal(3, listing.Count);
            Assert.All(listing, line => Assert.StartsWith("-rwxr-xr-x", line, StringComparison.Ordinal));
            Assert.EndsWith(" resources/deployments.apps/v1-preferredversion/namespaces/shop/web.json", listing[2], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static async Task<byte[]> WriteAsync(Func<BackupTarballWriter, Task> write)
    {
        using var output = new MemoryStream();
        await using (var writer = await BackupTarballWriter.CreateAsync(output, TimeProvider.System))
        {
            await write(writer);
        }

        return output.ToArray();
    }

    private static List<string> Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }
}
