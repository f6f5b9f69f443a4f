namespace Velero.ResourceModifiers.Rules;

/// <summary>Upstream's <c>ResourceModifiers.Validate</c>, with its messages (including its "groupkResource" typo).</summary>
internal static class RuleValidator
{
    private static readonly HashSet<string> s_operations = ["add", "remove", "replace", "test", "move", "copy"];

    /// <summary>The first problem, or null when the rules are valid.</summary>
    public static string? Validate(string version, IReadOnlyList<ResourceModifierRule> rules)
    {
        if (!version.Equals("v1", StringComparison.OrdinalIgnoreCase))
        {
            return $"unsupported resource modifier version {version}";
        }

        if (rules.Count == 0)
        {
            return "resource modifier rules cannot be empty";
        }

        foreach (var rule in rules)
        {
            if (rule.Conditions.GroupResource.Length == 0)
            {
                return "groupkResource cannot be empty";
            }

            if (new[] { rule.Patches.Count, rule.MergePatches.Count, rule.StrategicPatches.Count }.Count(size => size > 0) >= 2)
            {
                return "only one of patches, mergePatches, strategicPatches can be specified";
            }

            foreach (var patch in rule.Patches)
            {
                if (patch.Operation.Length == 0)
                {
                    return "operation cannot be empty";
                }

                if (!s_operations.Contains(patch.Operation.ToLowerInvariant()))
                {
                    return $"unsupported operation {patch.Operation}";
                }

                if (patch.Path.Length == 0)
                {
                    return "path cannot be empty";
                }
            }
        }

        return null;
    }
}
