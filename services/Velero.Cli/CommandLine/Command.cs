namespace Velero.Cli.CommandLine;

/// <summary>
/// A node of the command tree, shaped like a cobra command so help, aliases and errors read as upstream's:
/// <see cref="Use"/> is <c>"create NAME"</c>, its first word the name.
/// </summary>
internal sealed class Command(string use, string shortDescription)
{
    private readonly List<Command> _commands = [];

    public string Use { get; private set; } = use;
    public string Name => Use.Split(' ', 2)[0];
    public string Short { get; } = shortDescription;
    public string? Long { get; init; }
    public string? Example { get; init; }
    public IReadOnlyList<string> Aliases { get; set; } = [];
    public bool Hidden { get; init; }
    public ArgsRule Args { get; init; } = ArgsRule.Any;

    /// <summary>Hands every argument to <see cref="Run"/> untouched (<c>velero server</c> parses its own).</summary>
    public bool DisableFlagParsing { get; init; }

    /// <summary>Set after the flags are declared, so it can read their handles.</summary>
    public Func<CommandContext, Task<int>>? Run { get; set; }

    public FlagSet Flags { get; } = new();

    /// <summary>Flags this command's sub-commands inherit (the root's <c>--kubeconfig</c>, <c>-n</c>, ...).</summary>
    public FlagSet PersistentFlags { get; } = new();

    public Command? Parent { get; private set; }
    public IReadOnlyList<Command> Commands => _commands;

    public string CommandPath => Parent is null ? Name : $"{Parent.CommandPath} {Name}";

    public Command Add(params Command[] commands)
    {
        foreach (var command in commands)
        {
            command.Parent = this;
            _commands.Add(command);
        }

        return this;
    }

    /// <summary>
    /// The same command under another name, as upstream mounts <c>backup get</c> at <c>velero get backups</c>
    /// (alias <c>backup</c>).
    /// </summary>
    public Command As(string name, params string[] aliases)
    {
        Use = Use.Split(' ', 2) is [_, var rest] ? $"{name} {rest}" : name;
        Aliases = aliases;
        return this;
    }

    public Command? FindChild(string name) =>
        _commands.Find(c => c.Name == name) ?? _commands.Find(c => c.Aliases.Contains(name, StringComparer.Ordinal));

    /// <summary>The flags that apply here: its own, then the persistent ones of itself and every ancestor.</summary>
    public IEnumerable<Flag> InheritedFlags()
    {
        for (var c = Parent; c is not null; c = c.Parent)
        {
            foreach (var flag in c.PersistentFlags.All)
            {
                yield return flag;
            }
        }
    }

    public IEnumerable<Flag> LocalFlags() => Flags.All.Concat(PersistentFlags.All);
}
