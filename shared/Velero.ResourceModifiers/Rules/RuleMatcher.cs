using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Velero.ResourceModifiers.Patching;
using Velero.Selection.Globs;
using Velero.Selection.Labels;

namespace Velero.ResourceModifiers.Rules;

/// <summary>
/// Whether a rule's conditions hold for an item, in upstream's order: namespace (namespaced items only), group-resource
/// glob, name regex, label selector, then <c>matches</c> as JSON patch <c>test</c> operations (a failed test or a missing
/// path is no match). A condition that cannot be evaluated (bad glob, bad regex, invalid selector) is an error.
/// </summary>
internal static class RuleMatcher
{
    private static readonly HashSet<string> s_operators = ["In", "NotIn", "Exists", "DoesNotExist"];

    public static bool Matches(ModifierConditions conditions, JsonObject item, string groupResource)
    {
        var ns = (string?)item["metadata"]?["namespace"];
        if (!string.IsNullOrEmpty(ns) && !new IncludesExcludes(conditions.Namespaces).ShouldInclude(ns))
        {
            return false;
        }

        GroupResourceGlob glob;
        try
        {
            glob = GroupResourceGlob.Compile(conditions.GroupResource);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }

        if (!glob.IsMatch(groupResource))
        {
            return false;
        }

        if (!string.IsNullOrEmpty(conditions.ResourceNameRegex))
        {
            Regex regex;
            try
            {
                regex = new Regex(conditions.ResourceNameRegex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException($"error in matching regex {e.Message}", e);
            }

            if (!regex.IsMatch((string?)item["metadata"]?["name"] ?? string.Empty))
            {
                return false;
            }
        }

        if (conditions.LabelSelector is { } selector)
        {
            foreach (var requirement in selector.MatchExpressions ?? [])
            {
                if (!s_operators.Contains(requirement.OperatorProperty ?? string.Empty))
                {
                    throw new InvalidOperationException($"error in creating label selector \"{requirement.OperatorProperty}\" is not a valid label selector operator");
                }
            }

            var labels = (item["metadata"]?["labels"] as JsonObject)?
                .Where(entry => entry.Value is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                .ToDictionary(entry => entry.Key, entry => (string)entry.Value!);
            if (!LabelSelectors.Matches(selector, labels))
            {
                return false;
            }
        }

        return MatchesValues(conditions.Matches, item);
    }

    private static bool MatchesValues(IReadOnlyList<MatchRule> rules, JsonObject item)
    {
        if (rules.Count == 0)
        {
            return true;
        }

        var tests = new List<JsonObject>();
        foreach (var rule in rules)
        {
            if (rule.Path.Length == 0)
            {
                throw new InvalidOperationException("path is required for match rule");
            }

            tests.Add(RulePatcher.Decode(new JsonPatchOperation("test", string.Empty, rule.Path, rule.Value)));
        }

        try
        {
            JsonPatch.Apply(item, tests);
            return true;
        }
        catch (JsonPatchException e) when (e.TestFailed || e.Missing)
        {
            return false;
        }
        catch (JsonPatchException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }
}
