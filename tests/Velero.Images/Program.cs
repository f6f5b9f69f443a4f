namespace Velero.Images;

/// <summary>
/// <c>velero-images sbom --rootfs DIR --name NAME --version V --out FILE [--app PATH=DEPS_OR_ASSETS_JSON]...
/// [--owner PATH=DEB]...</c> and <c>velero-images check --image ARCHIVE [--sbom FILE]</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            return Usage();
        }

        var options = CommandLine.Parse(args.Skip(1));
        try
        {
            switch (args[0])
            {
                case "sbom":
                    var sbom = await SbomBuilder.BuildAsync(new SbomRequest
                    {
                        RootFs = options.Required("rootfs"),
                        Name = options.Required("name"),
                        Version = options.Required("version"),
                        Applications = options.Pairs("app"),
                        Owners = options.Pairs("owner"),
                    }, new DpkgDatabase(), TimeProvider.System, CancellationToken.None);
                    await File.WriteAllTextAsync(options.Required("out"), sbom.ToJson());
                    Console.WriteLine($"sbom {options.Required("name")}: {sbom.Components.Count} components -> {options.Required("out")}");
                    return 0;
                case "check":
                    var image = OciArchive.Read(options.Required("image"));
                    var sbomFile = options.Optional("sbom");
                    var text = sbomFile is null ? image.SbomText() : await File.ReadAllTextAsync(sbomFile);
                    var failures = ImageChecker.Check(image, text is null ? null : SbomDocument.Parse(text));
                    foreach (var failure in failures)
                    {
                        Console.Error.WriteLine($"FAIL {options.Required("image")}: {failure}");
                    }

                    if (failures.Count == 0)
                    {
                        Console.WriteLine($"PASS {options.Required("image")}: {image.Files.Count} entries, user {image.User}, entrypoint {string.Join(' ', image.Entrypoint)}, layers {image.LayerBytes} bytes, files {image.FileBytes} bytes");
                    }

                    return failures.Count == 0 ? 0 : 1;
                default:
                    return Usage();
            }
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"velero-images {args[0]}: {e.Message}");
            return 2;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: velero-images sbom --rootfs DIR --name NAME --version V --out FILE [--app PATH=JSON]... [--owner PATH=DEB]...");
        Console.Error.WriteLine("       velero-images check --image ARCHIVE [--sbom FILE]");
        return 2;
    }
}
