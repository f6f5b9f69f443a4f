using System.Text.RegularExpressions;
using Velero.Cli.Install;
using Velero.ServiceDefaults.Hosting;

namespace Velero.Services.Tests.Delivery;

/// <summary>tilt/Tiltfile names only paths that exist, builds the image the installer deploys and forwards every role.</summary>
public sealed partial class TiltfileTests
{
    private static readonly string Tiltfile = File.ReadAllText(DeliveryFiles.PathOf("tilt/Tiltfile"));

    [Fact]
    public void Every_relative_path_the_tiltfile_names_exists()
    {
        var paths = RelativePath().Matches(Tiltfile).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("../services", paths);
        foreach (var path in paths)
        {
            var full = DeliveryFiles.PathOf(Path.Combine("tilt", path));
            Assert.True(File.Exists(full) || Directory.Exists(full), $"tilt/Tiltfile names {path}, which does not exist");
        }

        Assert.True(File.Exists(DeliveryFiles.PathOf("tilt/build-image.sh")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(DeliveryFiles.PathOf("tilt/build-image.sh")).HasFlag(UnixFileMode.UserExecute));
        }
    }

    [Fact]
    public void The_tilt_overlay_names_only_resources_that_exist()
    {
        Assert.Contains("OVERLAY = 'overlay'", Tiltfile, StringComparison.Ordinal);
        var kustomization = Yaml.Map(DeliveryFiles.ReadYaml("tilt/overlay/kustomization.yaml"), "kustomization");
        foreach (var resource in Yaml.Texts(kustomization["resources"], "resources"))
        {
            var full = DeliveryFiles.PathOf(Path.Combine("tilt/overlay", resource));
            Assert.True(File.Exists(full) || File.Exists(Path.Combine(full, "kustomization.yaml")),
                $"tilt/overlay names {resource}, which is neither a file nor a kustomization");
        }
    }

    [Fact]
    public void Tilt_builds_the_image_the_installer_deploys_and_forwards_each_role_where_compose_does()
    {
        Assert.Contains($"IMAGE = '{InstallImages.Registry}/velero'", Tiltfile, StringComparison.Ordinal);
        var compose = ComposeFile.Load();
        foreach (var role in RoleNames.All)
        {
            var port = RolePort(role);
            var service = compose.VeleroServices.Single(s => compose.Command(s).Contains(role));
            Assert.Contains(compose.Ports(service), p => p.Published == port && p.Target == 8085);
        }
    }

    private static int RolePort(string role)
    {
        var match = Regex.Match(Tiltfile, $@"'{role}': (\d+),");
        Assert.True(match.Success, $"tilt/Tiltfile forwards no port for role {role}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"'(\.\./[^'$]+)'")]
    private static partial Regex RelativePath();
}
