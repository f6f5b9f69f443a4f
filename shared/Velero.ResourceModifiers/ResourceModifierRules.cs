using System.Text.Json.Nodes;
using k8s.Models;
using Velero.ResourceModifiers.Rules;

namespace Velero.ResourceModifiers;

/// <summary>
/// A restore's resource modifiers (spec 5.3 step 7, upstream's <c>internal/resourcemodifiers</c>): rules read from the
/// ConfigMap the restore names and applied to every item after the restore item actions, before its namespace is mapped.
/// </summary>
public sealed class ResourceModifierRules
{
    private ResourceModifierRules(string version, IReadOnlyList<ResourceModifierRule> rules)
    {
        Version = version;
        Rules = rules;
    }

    public string Version { get; }

    public IReadOnlyList<ResourceModifierRule> Rules { get; }

    /// <summary>
    /// Reads and validates the rules of <paramref name="configMap"/>, which must hold exactly one data key. Throws
    /// <see cref="ResourceModifierException"/> with the text upstream's restore controller puts in
    /// <c>status.validationErrors</c> (<c>Error in parsing resource modifiers provided in configmap ns/name: …</c> or
    /// <c>Validation error in resource modifiers provided in configmap ns/name: …</c>).
    /// </summary>
    public static ResourceModifierRules FromConfigMap(V1ConfigMap configMap)
    {
        ArgumentNullException.ThrowIfNull(configMap);
        var where = $"{configMap.Metadata?.NamespaceProperty}/{configMap.Metadata?.Name}";
        if (configMap.Data is not { Count: 1 })
        {
            throw new ResourceModifierException(
                $"Error in parsing resource modifiers provided in configmap {where}: illegal resource modifiers {where} configmap");
        }

        var (version, rules) = Read(configMap.Data.Values.Single(), $"Error in parsing resource modifiers provided in configmap {where}: ");
        return Validated(version, rules, $"Validation error in resource modifiers provided in configmap {where}: ");
    }

    /// <summary>Reads and validates rules from YAML; throws <see cref="ResourceModifierException"/> with upstream's message, unprefixed.</summary>
    public static ResourceModifierRules Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var (version, rules) = Read(yaml, string.Empty);
        return Validated(version, rules, string.Empty);
    }

    /// <summary>
    /// Applies every rule whose conditions <paramref name="item"/> meets, in order, changing <paramref name="item"/> in place.
    /// Conditions are evaluated on the item as it came in, so one rule's patch does not decide whether a later rule
    /// applies. A rule that fails is reported and the others still apply; upstream records each failure as an error of
    /// the item and still creates the item as the other rules left it.
    /// </summary>
    /// <param name="item">The item after the restore item actions, still in its backed-up namespace.</param>
    /// <param name="groupResource"><c>pods</c>, <c>deployments.apps</c>.</param>
    /// <returns>The failures, each naming its rule by <see cref="ResourceModifierException.RuleIndex"/>; empty when all went well.</returns>
    public IReadOnlyList<ResourceModifierException> Apply(JsonObject item, string groupResource)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(groupResource);
        var origin = Rules.Count > 1 ? (JsonObject)item.DeepClone() : item;
        var errors = new List<ResourceModifierException>();
        for (var index = 0; index < Rules.Count; index++)
        {
            var rule = Rules[index];
            try
            {
                if (!RuleMatcher.Matches(rule.Conditions, origin, groupResource))
                {
                    continue;
                }

                var patched = RulePatcher.Apply(rule, item);
                if (!ReferenceEquals(patched, item))
                {
                    Replace(item, patched);
                }
            }
            catch (InvalidOperationException e)
            {
                errors.Add(new ResourceModifierException(index, e.Message, e));
            }
        }

        return errors;
    }

    /// <summary>As <see cref="Apply"/>, but throws the first failure: for callers that treat any failure as the item's error.</summary>
    public JsonObject ApplyOrThrow(JsonObject item, string groupResource)
    {
        var errors = Apply(item, groupResource);
        return errors.Count == 0 ? item : throw errors[0];
    }

    private static (string Version, IReadOnlyList<ResourceModifierRule> Rules) Read(string yaml, string prefix)
    {
        try
        {
            return RuleReader.Read(yaml);
        }
        catch (FormatException e)
        {
            throw new ResourceModifierException($"{prefix}failed to decode yaml data into resource modifiers, err: {e.Message}", e);
        }
    }

    private static ResourceModifierRules Validated(string version, IReadOnlyList<ResourceModifierRule> rules, string prefix) =>
        RuleValidator.Validate(version, rules) is { } problem
            ? throw new ResourceModifierException(prefix + problem)
            : new ResourceModifierRules(version, rules);

    private static void Replace(JsonObject item, JsonObject patched)
    {
        var entries = patched.ToList();
        patched.Clear();
        item.Clear();
        foreach (var (key, value) in entries)
        {
            item[key] = value;
        }
    }
}
