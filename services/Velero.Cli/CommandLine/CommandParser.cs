namespace Velero.Cli.CommandLine;

/// <summary>
/// Finds the command a command line names and parses its flags as cobra and pflag do: sub-command names come
/// first, flags may appear anywhere after them, <c>--</c> ends flag parsing, <c>-h/--help</c> asks for help.
/// </summary>
internal static class CommandParser
{
    public sealed record Result(Command Command, IReadOnlyList<string> Args, bool HelpRequested);

    public static Result Parse(Command root, IReadOnlyList<string> args)
    {
        var command = root;
        var index = 0;
        // Sub-command names may follow root flags (`velero -n x backup get`), as cobra allows.
        var leadingFlags = new List<string>();
        while (index < args.Count)
        {
            var arg = args[index];
            if (arg.StartsWith('-') && arg != "-" && !command.DisableFlagParsing)
            {
                leadingFlags.Add(arg);
                if (TakesSeparateValue(command, arg) && index + 1 < args.Count)
                {
                    leadingFlags.Add(args[++index]);
                }

                index++;
                continue;
            }

            if (command.DisableFlagParsing || command.FindChild(arg) is not { } child)
            {
                break;
            }

            command = child;
            index++;
        }

        var rest = leadingFlags.Concat(args.Skip(index)).ToList();
        if (command.DisableFlagParsing)
        {
            // Everything, --help included, is the command's own to read.
            return new Result(command, rest, HelpRequested: false);
        }

        return ParseFlags(command, rest);
    }

    private static Result ParseFlags(Command command, List<string> args)
    {
        var positional = new List<string>();
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                positional.AddRange(args.Skip(i + 1));
                break;
            }

            if (!arg.StartsWith('-') || arg == "-")
            {
                positional.Add(arg);
                continue;
            }

            if (arg is "-h" or "--help")
            {
                help = true;
                continue;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var (name, inline) = Split(arg[2..]);
                var flag = Lookup(command, name) ?? throw new UsageException($"unknown flag: --{name}");
                i = Apply(flag, $"--{name}", inline, args, i);
            }
            else
            {
                i = ParseShorthands(command, arg, args, i);
            }
        }

        if (!help && command.Args.Check(positional) is { } problem)
        {
            throw new UsageException(problem);
        }

        return new Result(command, positional, help);
    }

    /// <summary><c>-n velero</c>, <c>-nvelero</c>, <c>-n=velero</c>, and grouped bools such as <c>-wx</c>.</summary>
    private static int ParseShorthands(Command command, string arg, List<string> args, int i)
    {
        var letters = arg[1..];
        for (var at = 0; at < letters.Length; at++)
        {
            var shorthand = letters[at].ToString();
            var flag = LookupShorthand(command, shorthand)
                       ?? throw new UsageException($"unknown shorthand flag: '{shorthand}' in {arg}");
            var remainder = letters[(at + 1)..];
            if (flag.NoValueDefault is not null && !remainder.StartsWith('='))
            {
                flag.Set(flag.NoValueDefault);
                continue;
            }

            return Apply(flag, $"-{shorthand}", remainder.Length > 0 ? remainder.TrimStart('=') : null, args, i);
        }

        return i;
    }

    private static int Apply(Flag flag, string spelled, string? inline, List<string> args, int i)
    {
        string value;
        if (inline is not null)
        {
            value = inline;
        }
        else if (flag.NoValueDefault is not null)
        {
            value = flag.NoValueDefault;
        }
        else if (i + 1 < args.Count)
        {
            value = args[++i];
        }
        else
        {
            throw new UsageException($"flag needs an argument: {spelled}");
        }

        try
        {
            flag.Set(value);
        }
        catch (FormatException e)
        {
            throw new UsageException($"invalid argument \"{value}\" for \"{Describe(flag)}\" flag: {e.Message}");
        }

        return i;
    }

    private static string Describe(Flag flag) =>
        flag.Shorthand is null ? $"--{flag.Name}" : $"-{flag.Shorthand}, --{flag.Name}";

    private static (string Name, string? Value) Split(string text) =>
        text.IndexOf('=') is var at and >= 0 ? (text[..at], text[(at + 1)..]) : (text, null);

    private static bool TakesSeparateValue(Command command, string arg)
    {
        if (arg.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        var flag = arg.StartsWith("--", StringComparison.Ordinal)
            ? Lookup(command, arg[2..])
            : arg.Length == 2 ? LookupShorthand(command, arg[1..]) : null;
        return flag is { NoValueDefault: null };
    }

    private static Flag? Lookup(Command command, string name) =>
        command.LocalFlags().Concat(command.InheritedFlags()).FirstOrDefault(f => f.Name == name);

    private static Flag? LookupShorthand(Command command, string shorthand) =>
        command.LocalFlags().Concat(command.InheritedFlags()).FirstOrDefault(f => f.Shorthand == shorthand);
}
