using Velero.RestoreHelper;

namespace Velero.Services.Tests.Images;

public sealed class RestoreHelperTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose() => _dir.Dispose();

    private string Root => _dir.Combine("restores");

    private void Volume(string name, params string[] markers)
    {
        Directory.CreateDirectory(Path.Combine(Root, name, ".velero"));
        foreach (var marker in markers)
        {
            File.WriteAllText(Path.Combine(Root, name, ".velero", marker), "");
        }
    }

    private RestoreWaiter Waiter(string uid = "uid-1") => new(Root, uid, _out, _err);

    [Fact]
    public void Not_done_while_a_volume_misses_the_marker_of_this_restore()
    {
        Volume("a", "uid-1");
        Volume("b", "other-restore");

        Assert.False(Waiter().Done());
        Assert.Equal(
            $"Found the done file {Root}/a/.velero/uid-1\nThe filesystem restore done file {Root}/b/.velero/uid-1 is not found yet. Retry later.\n",
            _out.ToString());
    }

    [Fact]
    public void Done_when_every_volume_directory_has_the_marker_and_files_are_skipped()
    {
        Volume("a", "uid-1");
        Volume("b", "uid-1");
        File.WriteAllText(Path.Combine(Root, "c.txt"), "");

        Assert.True(Waiter().Done());
        Assert.Contains("c.txt is not a directory, skipping.\n", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_restores_directory_is_an_error_and_not_done()
    {
        Assert.False(Waiter().Done());
        Assert.Equal($"ERROR reading {Root} directory: open {Root}: no such file or directory\n", _err.ToString());
    }

    [Fact]
    public void Clean_up_removes_every_volumes_velero_folder()
    {
        Volume("a", "uid-1");
        Volume("b", "uid-1");
        File.WriteAllText(Path.Combine(Root, "a", "data"), "kept");

        Assert.Null(Waiter().RemoveMarkerFolders());
        Assert.False(Directory.Exists(Path.Combine(Root, "a", ".velero")));
        Assert.False(Directory.Exists(Path.Combine(Root, "b", ".velero")));
        Assert.True(File.Exists(Path.Combine(Root, "a", "data")));
        Assert.Equal($"Deleted {Root}/a/.veleroDeleted {Root}/b/.velero", _out.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("a", "b")]
    public async Task Anything_but_one_argument_prints_upstreams_error_and_exits_1(params string[] args)
    {
        var code = await RestoreHelperApp.RunAsync(args, Root, _out, _err, TimeProvider.System, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Equal("ERROR: exactly one argument must be provided, the restore's UID\n", _err.ToString());
    }

    [Fact]
    public async Task Exits_0_after_the_markers_are_there_and_cleaned_up()
    {
        Volume("a", "uid-1");

        var code = await RestoreHelperApp.RunAsync(["uid-1"], Root, _out, _err, TimeProvider.System, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.EndsWith("All restic restores are done\nDeleted " + Root + "/a/.veleroDone cleanup .velero folder\n", _out.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Root, "a", ".velero")));
    }

    [Fact]
    public async Task Keeps_waiting_while_a_marker_is_missing()
    {
        Volume("a");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(2500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            RestoreHelperApp.RunAsync(["uid-1"], Root, _out, _err, TimeProvider.System, cancel.Token));
        Assert.Contains("is not found yet. Retry later.", _out.ToString(), StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(Root, "a", ".velero")));
    }
}
