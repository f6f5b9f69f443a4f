using System.Diagnostics;
using Velero.Cli.Tests.Support;

namespace Velero.Cli.Tests.Completion;

public sealed class CompletionTests
{
    /// <summary>Sources the generated script in a real bash and asks it to complete the given words.</summary>
    private static async Task<string[]> CompleteAsync(string script, params string[] words)
    {
        var file = Path.Combine(Path.GetTempPath(), $"velero-completion-{Guid.NewGuid():N}.bash");
        await File.WriteAllTextAsync(file, script);
        try
        {
            var quoted = string.Join(' ', words.Select(w => $"'{w}'"));
            var start = new ProcessStartInfo("bash", ["--norc", "--noprofile", "-c",
                $"source '{file}'; COMP_WORDS=({quoted}); COMP_CWORD={words.Length - 1}; __velero_complete; printf '%s\\n' \"${{COMPREPLY[@]}}\""])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var bash = Process.Start(start)!;
            var output = await bash.StandardOutput.ReadToEndAsync();
            var error = await bash.StandardError.ReadToEndAsync();
            await bash.WaitForExitAsync();
            Assert.True(bash.ExitCode == 0, error);
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Bash_completes_commands_sub_commands_and_flags()
    {
        var run = await CliRunner.RunAsync(["completion", "bash"]);
        Assert.Equal(0, run.ExitCode);

        Assert.Contains("backup-location", await CompleteAsync(run.Stdout, "velero", "back"));
        Assert.Equal(["create"], await CompleteAsync(run.Stdout, "velero", "backup-location", "cr"));
        Assert.Equal(["create", "delete", "describe", "get", "pause", "unpause"], await CompleteAsync(run.Stdout, "velero", "schedule", ""));
        Assert.Equal(["--schedule"], await CompleteAsync(run.Stdout, "velero", "schedule", "create", "--ttl", "72h", "--sc"));
        // A flag's value is skipped: `-n web` does not make `web` a sub-command.
        Assert.Equal(["--include-cluster-resources", "--include-cluster-scoped-resources"],
            await CompleteAsync(run.Stdout, "velero", "-n", "web", "schedule", "create", "--include-cluster"));
    }

    [Theory]
    [InlineData("zsh", "#compdef velero\n")]
    [InlineData("fish", "# fish completion for velero")]
    [InlineData("powershell", "# PowerShell completion for velero")]
    public async Task Other_shells_get_a_script_listing_the_commands(string shell, string start)
    {
        var run = await CliRunner.RunAsync(["completion", shell]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(start, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("backup-location", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--schedule", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_shell_is_refused()
    {
        var run = await CliRunner.RunAsync(["completion", "tcsh"]);

        Assert.Equal((1, "Invalid shell specified, specify bash, zsh, fish, or powershell\n"), (run.ExitCode, run.Stdout));
    }
}
