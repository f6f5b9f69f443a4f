using Velero.Images;

namespace Velero.Services.Tests.Images;

public sealed class ImageCheckerTests : IDisposable
{
    private const string Deps = """
        {"libraries": {"Demo.Lib/1.2.3": {"type": "package"}, "app/1.0.0": {"type": "project"},
         "runtimepack.Microsoft.NETCore.App.Runtime.linux-x64/10.0.1": {"type": "runtimepack"}}}
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static SbomDocument FullSbom(params string[] extraFiles) => new()
    {
        Name = "test",
        Version = "v0.1.0",
        Components =
        [
            new("library", "libc6", "2.36", "pkg:deb/debian/libc6@2.36?arch=amd64", ["/lib/x86_64-linux-gnu/libc.so.6"]),
            new("application", "app", "v0.1.0", null, ["/app"]),
            new("library", "Demo.Lib", "1.2.3", "pkg:nuget/Demo.Lib@1.2.3", ["/app"]),
            new("library", "Microsoft.NETCore.App.Runtime.linux-x64", "10.0.1", "pkg:nuget/Microsoft.NETCore.App.Runtime.linux-x64@10.0.1", ["/app"]),
            new("file", "/etc/passwd", null, null, ["/etc/passwd"]),
            .. extraFiles.Select(f => new SbomComponent("file", f, null, null, [f])),
        ],
    };

    private static List<SyntheticFile> GoodFiles(SbomDocument sbom) =>
    [
        new("/app", Mode: SyntheticFile.Executable) { Data = FakeBundle.With(Deps) },
        new("/lib/x86_64-linux-gnu/libc.so.6", Mode: SyntheticFile.Executable),
        new("/etc/passwd", "nonroot:x:65532:65532::/:/sbin/nologin\n"),
        new("/sbom/test.cdx.json", sbom.ToJson()),
    ];

    private IReadOnlyList<string> Check(IEnumerable<SyntheticFile> files, string user = "65532:65532", string entrypoint = "/app",
        SbomDocument? sbom = null, string[]? environment = null)
    {
        var archive = _dir.Combine("image.oci.tar");
        SyntheticOciArchive.Write(archive, files, user, environment ?? [], entrypoint);
        var image = OciArchive.Read(archive);
        return ImageChecker.Check(image, sbom ?? (image.SbomText() is { } text ? SbomDocument.Parse(text) : null));
    }

    [Fact]
    public void A_nonroot_shell_less_image_whose_sbom_covers_everything_passes()
    {
        Assert.Empty(Check(GoodFiles(FullSbom())));
    }

    [Theory]
    [InlineData(null, "the image carries OpenSSL but its Env does not set SSL_CERT_FILE: .NET would trust no certificate")]
    [InlineData("SSL_CERT_FILE=/etc/ssl/cert.pem", "SSL_CERT_FILE names /etc/ssl/cert.pem, which is not a file in the image")]
    [InlineData("SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt", null)]
    public void An_image_with_openssl_must_name_a_ca_bundle_it_carries(string? variable, string? failure)
    {
        const string Bundle = "/etc/ssl/certs/ca-certificates.crt";
        const string Ssl = "/lib/x86_64-linux-gnu/libssl.so.3";
        var files = GoodFiles(FullSbom(Bundle, Ssl));
        files.Add(new(Bundle, "-----BEGIN CERTIFICATE-----\n"));
        files.Add(new(Ssl, Mode: SyntheticFile.Executable));

        var failures = Check(files, environment: variable is null ? [] : [variable]);

        Assert.Equal(failure is null ? [] : [failure], failures);
    }

    [Theory]
    [InlineData("/bin/sh", "a shell")]
    [InlineData("/usr/bin/bash", "a shell")]
    [InlineData("/bin/busybox", "a shell")]
    [InlineData("/usr/bin/apt-get", "a package manager")]
    [InlineData("/usr/bin/dpkg", "a package manager")]
    [InlineData("/usr/bin/gcc-12", "a compiler")]
    [InlineData("/usr/bin/ld", "a compiler")]
    public void A_shell_package_manager_or_compiler_fails_the_image(string path, string what)
    {
        var sbom = FullSbom(path);
        var failures = Check([.. GoodFiles(sbom), new SyntheticFile(path, Mode: SyntheticFile.Executable)]);
        Assert.Equal([$"{path} is {what}"], failures);
    }

    [Theory]
    [InlineData(UnixFileMode.SetUser)]
    [InlineData(UnixFileMode.SetGroup)]
    public void A_setuid_or_setgid_file_fails_the_image(UnixFileMode bit)
    {
        var sbom = FullSbom("/usr/bin/tool");
        var failures = Check([.. GoodFiles(sbom), new SyntheticFile("/usr/bin/tool", Mode: SyntheticFile.Executable | bit)]);
        Assert.Single(failures, f => f.StartsWith("/usr/bin/tool is setuid or setgid", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("root")]
    [InlineData("0")]
    [InlineData("0:0")]
    [InlineData("root:65532")]
    public void A_root_or_missing_user_fails_the_image(string user)
    {
        var failures = Check(GoodFiles(FullSbom()), user);
        Assert.Equal([$"the image runs as root (user \"{user}\")"], failures);
    }

    [Fact]
    public void A_shell_entrypoint_fails_the_image()
    {
        var failures = Check(GoodFiles(FullSbom()), entrypoint: "/bin/sh");
        Assert.Contains("the entrypoint /bin/sh is a shell", failures);
        Assert.Contains("the entrypoint /bin/sh is not a file in the image", failures);
    }

    [Fact]
    public void An_sbom_missing_the_debian_package_of_a_file_fails_the_image()
    {
        var sbom = FullSbom();
        var withoutLibc = new SbomDocument { Name = sbom.Name, Version = sbom.Version, Components = [.. sbom.Components.Where(c => c.Name != "libc6")] };
        var failures = Check(GoodFiles(withoutLibc));
        Assert.Equal(["/lib/x86_64-linux-gnu/libc.so.6 is in the image but in no SBOM component"], failures);
    }

    [Fact]
    public void An_sbom_missing_a_nuget_package_bundled_in_a_single_file_program_fails_the_image()
    {
        var sbom = FullSbom();
        var withoutLib = new SbomDocument { Name = sbom.Name, Version = sbom.Version, Components = [.. sbom.Components.Where(c => c.Name != "Demo.Lib")] };
        var failures = Check(GoodFiles(withoutLib));
        Assert.Equal(["/app bundles pkg:nuget/Demo.Lib@1.2.3, which the SBOM misses"], failures);
    }

    [Fact]
    public void An_image_without_an_sbom_fails()
    {
        var failures = Check(GoodFiles(FullSbom()).Where(f => !f.Path.StartsWith("/sbom/", StringComparison.Ordinal)));
        Assert.Equal(["no SBOM: the image has no /sbom/*.cdx.json and none was given"], failures);
    }

    [Fact]
    public void The_deps_json_of_a_single_file_bundle_is_found()
    {
        var deps = SingleFileBundle.DepsJson(FakeBundle.With(Deps));
        Assert.NotNull(deps);
        Assert.Equal(["pkg:nuget/Demo.Lib@1.2.3", "pkg:nuget/Microsoft.NETCore.App.Runtime.linux-x64@10.0.1"],
            NuGetPackage.FromJson(deps).Select(p => p.Purl));
        Assert.Null(SingleFileBundle.DepsJson(new byte[4096]));
    }
}
