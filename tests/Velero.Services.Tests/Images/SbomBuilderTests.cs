using Velero.Images;

namespace Velero.Services.Tests.Images;

public sealed class SbomBuilderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private void Put(string path, string content = "x")
    {
        var full = _dir.Combine("rootfs", path.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    [Fact]
    public async Task Every_file_goes_to_its_debian_package_its_program_or_a_file_component()
    {
        Put("/lib/x86_64-linux-gnu/libc.so.6");
        Put("/lib/x86_64-linux-gnu/libssl.so.3");
        Put("/usr/share/zoneinfo/UTC");
        Put("/velero");
        Put("/etc/passwd");
        Put("/etc/ssl/certs/ca-certificates.crt");
        var deps = _dir.Combine("velero.deps.json");
        await File.WriteAllTextAsync(deps, """{"libraries": {"AWSSDK.S3/4.0.1": {"type": "package"}, "Velero.Api/0.1.0": {"type": "project"}}}""");
        // dpkg lists libssl3's files under /usr (merged-/usr host): found through the alternate path.
        var packages = new FakePackageDatabase(new Dictionary<string, string>
        {
            ["/lib/x86_64-linux-gnu/libc.so.6"] = "libc6",
            ["/usr/lib/x86_64-linux-gnu/libssl.so.3"] = "libc6",
            ["/usr/share/zoneinfo/UTC"] = "tzdata",
        });

        var sbom = await SbomBuilder.BuildAsync(new SbomRequest
        {
            RootFs = _dir.Combine("rootfs"),
            Name = "velero",
            Version = "v0.1.0",
            Applications = [KeyValuePair.Create("/velero", deps)],
            Owners = [KeyValuePair.Create("/etc/ssl/certs/ca-certificates.crt", "tzdata")],
        }, packages, TimeProvider.System, CancellationToken.None);
        var parsed = SbomDocument.Parse(sbom.ToJson());

        Assert.Equal(["/etc/passwd", "/etc/ssl/certs/ca-certificates.crt", "/lib/x86_64-linux-gnu/libc.so.6",
            "/lib/x86_64-linux-gnu/libssl.so.3", "/usr/share/zoneinfo/UTC", "/velero"], parsed.Locations.Distinct().Order(StringComparer.Ordinal));
        var libc = Assert.Single(parsed.Components, c => c.Name == "libc6");
        Assert.Equal("pkg:deb/debian/libc6@2.36-9%2Bdeb12u14?arch=amd64", libc.Purl);
        Assert.Equal(["/lib/x86_64-linux-gnu/libc.so.6", "/lib/x86_64-linux-gnu/libssl.so.3"], libc.Locations);
        Assert.Contains("pkg:deb/debian/tzdata@2025b-0%2Bdeb12u2?arch=all", parsed.Purls);
        Assert.Contains("pkg:nuget/AWSSDK.S3@4.0.1", parsed.Purls);
        Assert.DoesNotContain(parsed.Purls, p => p.Contains("Velero.Api", StringComparison.Ordinal));
        Assert.Equal("file", Assert.Single(parsed.Components, c => c.Name == "/etc/passwd").Type);
        Assert.Equal("application", Assert.Single(parsed.Components, c => c.Name == "velero").Type);
    }
}
