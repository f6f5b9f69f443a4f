using Velero.PluginCopy;

namespace Velero.Services.Tests.Images;

public sealed class PluginCopierTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Copies_every_file_of_the_plugin_folder_into_the_target_overwriting()
    {
        Directory.CreateDirectory(_dir.Combine("plugins", "nested"));
        File.WriteAllText(_dir.Combine("plugins", "aws.json"), "{\"provider\":\"velero.io/aws\"}");
        File.WriteAllText(_dir.Combine("plugins", "nested", "x"), "y");
        Directory.CreateDirectory(_dir.Combine("target"));
        File.WriteAllText(_dir.Combine("target", "aws.json"), "old");

        var copied = PluginCopier.Copy(_dir.Combine("plugins"), _dir.Combine("target"));

        Assert.Equal(2, copied);
        Assert.Equal("{\"provider\":\"velero.io/aws\"}", File.ReadAllText(_dir.Combine("target", "aws.json")));
        Assert.Equal("y", File.ReadAllText(_dir.Combine("target", "nested", "x")));
    }

    [Fact]
    public void A_missing_plugin_folder_is_an_error()
    {
        Assert.Throws<DirectoryNotFoundException>(() => PluginCopier.Copy(_dir.Combine("none"), _dir.Combine("target")));
    }
}
