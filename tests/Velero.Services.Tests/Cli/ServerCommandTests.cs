using Velero.Cli.Commands;

namespace Velero.Services.Tests.Cli;

public sealed class ServerCommandTests
{
    [Theory]
    [InlineData(new string[0], "scheduler,snapshotter,uploader,restorer", "")]
    [InlineData(new[] { "--roles", "restorer,scheduler" }, "restorer,scheduler", "")]
    [InlineData(new[] { "--roles=uploader", "--urls", "http://0.0.0.0:8085" }, "uploader", "--urls http://0.0.0.0:8085")]
    [InlineData(new[] { "--roles", " scheduler , scheduler " }, "scheduler", "")]
    public void Roles_are_chosen_and_other_arguments_go_to_the_host(string[] args, string roles, string hostArgs)
    {
        var (chosen, rest, error) = ServerCommand.ParseRoles(args);

        Assert.Null(error);
        Assert.Equal(roles, string.Join(',', chosen));
        Assert.Equal(hostArgs, string.Join(' ', rest));
    }

    [Theory]
    [InlineData(new[] { "--roles" }, "--roles needs a value")]
    [InlineData(new[] { "--roles", "" }, "no role given")]
    [InlineData(new[] { "--roles", "scheduler,backupper" }, "unknown role 'backupper'")]
    public void Bad_roles_are_refused_with_a_clear_message(string[] args, string expected)
    {
        var (_, _, error) = ServerCommand.ParseRoles(args);

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_version_prints_in_upstream_format()
    {
        using var output = new StringWriter();

        Assert.Equal(0, await VersionCommand.RunAsync(["--client-only"], output, TextWriter.Null));
        Assert.Matches(@"^Client:\n\tVersion: v\d+\.\d+\.\d+\n\tGit commit: \S+\n$", output.ToString().ReplaceLineEndings("\n"));
    }
}
