using System.Text;

namespace Velero.Cli.CommandLine;

/// <summary>Help and usage text in cobra's default template, with pflag's aligned flag listing.</summary>
internal static class HelpWriter
{
    private const int MinNamePadding = 11;

    public static string Help(Command command)
    {
        var text = new StringBuilder();
        var description = (command.Long ?? command.Short).TrimEnd();
        if (description.Length > 0)
        {
            text.Append(description).Append("\n\n");
        }

        text.Append(Usage(command));
        return text.ToString();
    }

    public static string Usage(Command command)
    {
        var text = new StringBuilder("Usage:");
        var visible = command.Commands.Where(c => !c.Hidden).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        if (command.Run is not null)
        {
            text.Append("\n  ").Append(UseLine(command));
        }

        if (visible.Count > 0)
        {
            text.Append("\n  ").Append(command.CommandPath).Append(" [command]");
        }

        if (command.Aliases.Count > 0)
        {
            text.Append("\n\nAliases:\n  ").Append(string.Join(", ", [command.Name, .. command.Aliases]));
        }

        if (!string.IsNullOrWhiteSpace(command.Example))
        {
            text.Append("\n\nExamples:\n").Append(command.Example.TrimEnd('\n'));
        }

        if (visible.Count > 0)
        {
            var padding = Math.Max(MinNamePadding, visible.Max(c => c.Name.Length));
            text.Append("\n\nAvailable Commands:");
            foreach (var child in visible)
            {
                text.Append("\n  ").Append(child.Name.PadRight(padding)).Append(' ').Append(child.Short);
            }
        }

        var local = command.LocalFlags().Where(f => !f.Hidden && f.Deprecated is null).ToList();
        text.Append("\n\nFlags:\n").Append(FlagUsages([.. local, HelpFlag(command)]));
        var inherited = command.InheritedFlags().Where(f => !f.Hidden && f.Deprecated is null).ToList();
        if (inherited.Count > 0)
        {
            text.Append("\n\nGlobal Flags:\n").Append(FlagUsages(inherited));
        }

        if (visible.Count > 0)
        {
            text.Append("\n\nUse \"").Append(command.CommandPath).Append(" [command] --help\" for more information about a command.");
        }

        return text.Append('\n').ToString();
    }

    /// <summary>cobra's UseLine: the command path, the rest of <c>Use</c>, and <c>[flags]</c>.</summary>
    public static string UseLine(Command command)
    {
        var rest = command.Use.Split(' ', 2) is [_, var r] ? " " + r : "";
        var line = (command.Parent is null ? "" : command.Parent.CommandPath + " ") + command.Name + rest;
        return line.Contains("[flags]", StringComparison.Ordinal) ? line : line + " [flags]";
    }

    /// <summary>pflag's FlagUsages: <c>  -o, --output string   usage (default "table")</c>, usages aligned.</summary>
    public static string FlagUsages(IEnumerable<Flag> flags)
    {
        var lines = flags.OrderBy(f => f.Name, StringComparer.Ordinal).Select(flag =>
        {
            var left = flag.Shorthand is null ? $"      --{flag.Name}" : $"  -{flag.Shorthand}, --{flag.Name}";
            if (flag.TypeName.Length > 0)
            {
                left += " " + flag.TypeName;
                if (flag.NoValueDefault is { } noValue)
                {
                    left += $"[={noValue}]";
                }
            }

            var usage = flag.Usage;
            if (flag.DefaultText is { } defaultText)
            {
                usage += $" (default {defaultText})";
            }

            return (Left: left, Usage: usage);
        }).ToList();
        var width = lines.Count == 0 ? 0 : lines.Max(l => l.Left.Length);
        return string.Join('\n', lines.Select(l => $"{l.Left.PadRight(width)}   {l.Usage}".TrimEnd()));
    }

    private static Flag<bool> HelpFlag(Command command) =>
        new FlagSet().Bool("help", "h", false, $"help for {command.Name}");
}
