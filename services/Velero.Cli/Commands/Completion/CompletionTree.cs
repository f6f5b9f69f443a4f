using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.Completion;

/// <summary>
/// The command tree flattened for static completion scripts: for every command path (<c>velero schedule create</c>,
/// aliases spelled out too), its sub-command words, its flags (inherited ones included) and the flags that take a
/// separate value.
/// </summary>
internal sealed record CompletionTree(IReadOnlyList<CompletionTree.Node> Nodes)
{
    public sealed record Node(string Path, IReadOnlyList<string> Commands, IReadOnlyList<string> Flags, IReadOnlyList<string> ValuedFlags);

    public static CompletionTree Of(Command root)
    {
        var nodes = new List<Node>();
        Walk(root, root.Name, nodes);
        return new CompletionTree(nodes);
    }

    private static void Walk(Command command, string path, List<Node> nodes)
    {
        var children = command.Commands.Where(c => !c.Hidden).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var flags = command.LocalFlags().Concat(command.InheritedFlags()).Where(f => !f.Hidden && f.Deprecated is null).ToList();
        var spelled = flags.SelectMany(f => f.Shorthand is null ? [$"--{f.Name}"] : new[] { $"--{f.Name}", $"-{f.Shorthand}" });
        var valued = flags.Where(f => f.NoValueDefault is null)
            .SelectMany(f => f.Shorthand is null ? [$"--{f.Name}"] : new[] { $"--{f.Name}", $"-{f.Shorthand}" });
        nodes.Add(new Node(path,
            [.. children.SelectMany(c => c.Aliases.Prepend(c.Name))],
            [.. spelled.Append("--help").Order(StringComparer.Ordinal)],
            [.. valued.Order(StringComparer.Ordinal)]));
        foreach (var child in children)
        {
            foreach (var name in child.Aliases.Prepend(child.Name))
            {
                Walk(child, $"{path} {name}", nodes);
            }
        }
    }
}
