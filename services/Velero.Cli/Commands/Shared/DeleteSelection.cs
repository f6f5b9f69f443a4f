using Velero.Cli.CommandLine;
using Velero.Selection.Labels;

namespace Velero.Cli.Commands.Shared;

/// <summary>
/// Upstream's DeleteOptions (pkg/cmd/cli/delete_options.go, select_option.go, confirm): names, <c>--all</c> or
/// <c>-l</c>, exactly one of them, and the Y/N prompt unless <c>--confirm</c>.
/// </summary>
internal sealed class DeleteSelection
{
    private readonly string _noun;
    private readonly Flag<bool> _confirm;
    private readonly Flag<bool> _all;
    private readonly Flag<string> _selector;

    private DeleteSelection(string noun, Flag<bool> confirm, Flag<bool> all, Flag<string> selector)
    {
        _noun = noun;
        _confirm = confirm;
        _all = all;
        _selector = selector;
    }

    public static DeleteSelection Bind(Command command, string noun) => new(noun,
        command.Flags.Bool("confirm", null, false, "Confirm deletion"),
        command.Flags.Bool("all", null, false, $"Delete all {noun}s"),
        command.Flags.String("selector", "l", "", $"Delete all {noun}s matching this label selector."));

    /// <summary>The label selector query for <c>-l</c>, or null for every item; checks the exactly-one rule.</summary>
    public string? Validate(CommandContext ctx)
    {
        var selector = SelectorFlag.Parse(_selector);
        var chosen = new[] { ctx.Args.Count > 0, _all.Value, selector is not null }.Count(b => b);
        if (chosen != 1)
        {
            throw new CliException($"you must specify exactly one of: specific {_noun} name(s), the --all flag, or the --selector flag");
        }

        return selector is null ? null : LabelSelectors.Format(selector) is var text && text != "<none>" ? text : null;
    }

    /// <summary>Upstream's GetConfirmation: asks until Y or N; unreadable input counts as no.</summary>
    public async Task<bool> ConfirmAsync(CommandContext ctx)
    {
        if (_confirm.Value)
        {
            return true;
        }

        while (true)
        {
            await ctx.Out.WriteAsync("Are you sure you want to continue (Y/N)? ");
            var line = await ctx.Env.In.ReadLineAsync(ctx.CancellationToken);
            if (line is null)
            {
                await ctx.Err.WriteLineAsync("error reading user input: EOF");
                return false;
            }

            switch (line.Trim().ToLowerInvariant())
            {
                case "y":
                    return true;
                case "n":
                    return false;
            }
        }
    }
}
