using System.Text.RegularExpressions;
using Velero.Cli.CommandLine;
using Velero.Cli.Tests.Support;
using Velero.Testing;

namespace Velero.Cli.Tests.CommandLine;

/// <summary>
/// Every example in <c>velero --help</c> and every velero command line in the README parses: it names a command
/// that exists, with flags it has and an argument count it accepts. (What they do is proven by the command
/// tests, the end-to-end tests and <c>make demo</c>.)
/// </summary>
public sealed partial class ExamplesTests
{
    public static TheoryData<string, string> HelpExamples()
    {
        var data = new TheoryData<string, string>();
        var (root, _) = VeleroCommand.Create();
        foreach (var command in Walk(root).Where(c => !string.IsNullOrWhiteSpace(c.Example)))
        {
            foreach (var line in CommandLines(command.Example!))
            {
                data.Add(command.CommandPath, line);
            }
        }

        return data;
    }

    public static TheoryData<string> ReadmeCommands()
    {
        var data = new TheoryData<string>();
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        // Every fenced block is matched, so a json block's closing fence is never taken for an opening one; shell
        // blocks (untagged or bash/sh/shell) are read.
        foreach (Match block in CodeBlock().Matches(readme).Where(b => b.Groups[1].Value is "" or "bash" or "sh" or "shell"))
        {
            foreach (var line in CommandLines(block.Groups[2].Value))
            {
                data.Add(line);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HelpExamples))]
    public void Help_examples_parse(string command, string line)
    {
        Assert.NotNull(command);
        AssertParses(line);
    }

    [Theory]
    [MemberData(nameof(ReadmeCommands))]
    public void Readme_velero_commands_parse(string line) => AssertParses(line);

    [Fact]
    public void The_readme_shows_velero_commands() => Assert.NotEmpty(ReadmeCommands());

    private static void AssertParses(string line)
    {
        var words = ShellWords.Split(line);
        var (root, _) = VeleroCommand.Create();
        var parsed = CommandParser.Parse(root, words.Skip(1).ToList());
        Assert.True(parsed.Command.Run is not null, $"`{line}` names a command group, not a command");
    }

    /// <summary>Lines that run velero (<c>velero ...</c>, <c>out/velero ...</c>), with shell continuations joined and
    /// anything after a pipe, redirection or comment dropped.</summary>
    private static IEnumerable<string> CommandLines(string text)
    {
        var joined = text.Replace("\\\n", " ", StringComparison.Ordinal);
        foreach (var raw in joined.Split('\n'))
        {
            var line = raw.Trim();
            var match = VeleroLine().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var command = match.Groups[1].Value;
            command = Regex.Replace(command, @"\s(\||>|2>|&&|;|#).*$", "");
            yield return "velero " + command.Trim();
        }
    }

    private static IEnumerable<Command> Walk(Command command) => [command, .. command.Commands.SelectMany(Walk)];

    [GeneratedRegex(@"```(\w*)\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"^(?:\$\s*)?(?:\S*/)?velero\s+(.*)$")]
    private static partial Regex VeleroLine();
}
