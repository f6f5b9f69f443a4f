using k8s;
using k8s.Models;
using Velero.Cli.CommandLine;
using Velero.Cli.Resources;
using Velero.Selection.Labels;

namespace Velero.Cli.Commands.Shared;

/// <summary>
/// Upstream's SelectOptions (pkg/cmd/cli/select_option.go) and DeleteOptions (delete_options.go): names,
/// <c>--all</c> or <c>-l</c>, exactly one of them, with upstream's flag texts; for delete also <c>--confirm</c> and
/// the Y/N prompt without it.
/// </summary>
internal sealed class ResourceSelection
{
    private readonly string _noun;
    private readonly Flag<bool>? _confirm;
    private readonly Flag<bool> _all;
    private readonly Flag<string> _selector;

    private ResourceSelection(Command command, string verb, string noun, Flag<bool>? confirm)
    {
        var title = char.ToUpperInvariant(verb[0]) + verb[1..];
        _noun = noun;
        _confirm = confirm;
        _all = command.Flags.Bool("all", null, false, $"{title} all {noun}s");
        _selector = command.Flags.String("selector", "l", "", $"{title} all {noun}s matching this label selector.");
    }

    /// <summary>Upstream's NewSelectOptions(verb, noun) bound to the command (pause and unpause).</summary>
    public static ResourceSelection Bind(Command command, string verb, string noun) => new(command, verb, noun, null);

    /// <summary>Upstream's NewDeleteOptions(noun): <c>--confirm</c> plus the selection for "delete".</summary>
    public static ResourceSelection BindDelete(Command command, string noun) =>
        new(command, "delete", noun, command.Flags.Bool("confirm", null, false, "Confirm deletion"));

    /// <summary>
    /// The label selector query for <c>-l</c>, or null for every item; checks the exactly-one rule. As with pflag,
    /// a given <c>-l</c> counts even when empty, and a malformed one is a flag error.
    /// </summary>
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

    /// <summary>True with <c>--confirm</c>, else upstream's GetConfirmation prompt.</summary>
    public async Task<bool> ConfirmAsync(CommandContext ctx) => _confirm?.Value == true || await Confirmation.AskAsync(ctx);

    /// <summary>
    /// The named items (a missing one becomes an error to report after the rest, as upstream aggregates them), or
    /// else those matching <paramref name="selector"/> (null: all).
    /// </summary>
    public static async Task<(List<T> Items, List<string> Errors)> ResolveAsync<T>(CommandContext ctx, string? selector)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var set = new ResourceSet<T>(ctx);
        if (ctx.Args.Count == 0)
        {
            return ([.. await set.ListAsync(selector)], []);
        }

        var items = new List<T>();
        var errors = new List<string>();
        foreach (var name in ctx.Args)
        {
            if (await set.Client.GetAsync(ctx.Namespace, name, ctx.CancellationToken) is { } item)
            {
                items.Add(item);
            }
            else
            {
                errors.Add(set.NotFound(name));
            }
        }

        return (items, errors);
    }

    /// <summary>k8s' aggregate error text: one error alone, several in brackets; null when there are none.</summary>
    public static CliException? Aggregate(IReadOnlyList<string> errors) => errors.Count switch
    {
        0 => null,
        1 => new CliException(errors[0]),
        _ => new CliException($"[{string.Join(", ", errors)}]"),
    };
}
