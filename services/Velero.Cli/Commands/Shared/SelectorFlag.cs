using k8s.Models;
using Velero.Cli.CommandLine;
using Velero.Cli.Selectors;

namespace Velero.Cli.Commands.Shared;

/// <summary>
/// Upstream's <c>flag.LabelSelector</c> and <c>flag.OrLabelSelector</c> values: parsed as pflag would parse them, so a
/// bad selector is reported as pflag reports a bad flag value (<c>invalid argument "..." for "-l, --selector" flag: ...</c>).
/// </summary>
internal static class SelectorFlag
{
    public static V1LabelSelector? Parse(Flag<string> flag)
    {
        if (!flag.Changed)
        {
            return null;
        }

        try
        {
            return LabelSelectorParser.ToLabelSelector(flag.Value);
        }
        catch (FormatException e)
        {
            throw Invalid(flag, flag.Value, e.Message);
        }
    }

    public static IList<V1LabelSelector>? ParseOr(Flag<string> flag)
    {
        if (!flag.Changed)
        {
            return null;
        }

        try
        {
            return LabelSelectorParser.ToOrLabelSelectors(flag.Value);
        }
        catch (FormatException e)
        {
            throw Invalid(flag, flag.Value, e.Message);
        }
    }

    /// <summary>
    /// Upstream's namespace-mapping flag (<c>flag.Map</c> with ',' between entries and ':' within): <c>src1:dst1,src2:dst2</c>.
    /// </summary>
    public static Dictionary<string, string> ParseMappings(Flag<IReadOnlyList<string>> flag)
    {
        var mappings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var occurrence in flag.Value)
        {
            foreach (var entry in occurrence.Split(','))
            {
                var pair = entry.Split(':', 2);
                if (pair.Length != 2)
                {
                    throw Invalid(flag, occurrence, $"error parsing \"{entry}\"");
                }

                mappings[pair[0]] = pair[1];
            }
        }

        return mappings;
    }

    private static UsageException Invalid(Flag flag, string value, string message)
    {
        var name = flag.Shorthand is null ? $"--{flag.Name}" : $"-{flag.Shorthand}, --{flag.Name}";
        return new UsageException($"invalid argument \"{value}\" for \"{name}\" flag: {message}");
    }
}
