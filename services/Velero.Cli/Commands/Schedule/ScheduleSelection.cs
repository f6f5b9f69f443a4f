using Velero.Cli.CommandLine;
using Velero.Cli.Resources;
using Velero.Cli.Selectors;

namespace Velero.Cli.Commands.Schedule;

/// <summary>
/// Upstream's SelectOptions for delete, pause and unpause: names, <c>--all</c> or <c>--selector</c>, exactly one of
/// them; a missing name is reported after the others are handled, as upstream aggregates its errors.
/// </summary>
internal sealed class ScheduleSelection
{
    private readonly Flag<bool> _all;
    private readonly Flag<string> _selector;

    private ScheduleSelection(Command command, string verb)
    {
        var title = char.ToUpperInvariant(verb[0]) + verb[1..];
        _all = command.Flags.Bool("all", null, false, $"{title} all schedules");
        _selector = command.Flags.String("selector", "l", "", $"{title} all schedules matching this label selector.");
    }

    public static ScheduleSelection Bind(Command command, string verb) => new(command, verb);

    public void Validate(CommandContext ctx)
    {
        var chosen = (ctx.Args.Count > 0 ? 1 : 0) + (_all.Value ? 1 : 0) + (_selector.Value.Length > 0 ? 1 : 0);
        if (chosen != 1)
        {
            throw new CliException("you must specify exactly one of: specific schedule name(s), the --all flag, or the --selector flag");
        }

        _ = LabelSelectorParser.Canonical(_selector.Value);
    }

    /// <summary>The selected schedules, and the errors (missing names) to report once the rest are done.</summary>
    public async Task<(List<Api.V1.Schedule> Schedules, List<string> Errors)> ResolveAsync(CommandContext ctx)
    {
        var set = new ResourceSet<Api.V1.Schedule>(ctx);
        if (ctx.Args.Count == 0)
        {
            return ([.. await set.ListAsync(LabelSelectorParser.Canonical(_selector.Value))], []);
        }

        var schedules = new List<Api.V1.Schedule>();
        var errors = new List<string>();
        foreach (var name in ctx.Args)
        {
            if (await set.Client.GetAsync(ctx.Namespace, name, ctx.CancellationToken) is { } schedule)
            {
                schedules.Add(schedule);
            }
            else
            {
                errors.Add(set.NotFound(name));
            }
        }

        return (schedules, errors);
    }

    /// <summary>k8s' aggregate error text: one error alone, several in brackets.</summary>
    public static CliException? Aggregate(IReadOnlyList<string> errors) => errors.Count switch
    {
        0 => null,
        1 => new CliException(errors[0]),
        _ => new CliException($"[{string.Join(", ", errors)}]"),
    };
}
