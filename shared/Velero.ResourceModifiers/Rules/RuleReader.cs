using System.Text.Json;
using k8s;
using k8s.Models;
using Velero.ResourceModifiers.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Velero.ResourceModifiers.Rules;

/// <summary>
/// Reads the ConfigMap's YAML strictly, as upstream's <c>yaml.UnmarshalStrict</c> does: an unknown field or a value of
/// the wrong shape is an error, with the message of Go's JSON decoder. Scalars given to string fields are taken as written.
/// </summary>
internal static class RuleReader
{
    private const string Prefix = "error unmarshaling JSON: while decoding JSON: json: ";

    public static (string Version, IReadOnlyList<ResourceModifierRule> Rules) Read(string yaml)
    {
        YamlNode? root;
        try
        {
            root = YamlJson.Load(yaml);
        }
        catch (YamlException e)
        {
            throw new FormatException($"error converting YAML to JSON: yaml: line {e.Start.Line}: {e.Message}", e);
        }

        var version = string.Empty;
        var rules = new List<ResourceModifierRule>();
        foreach (var (key, value) in Mapping(root, "ResourceModifiers", "resourcemodifiers.ResourceModifiers"))
        {
            switch (key)
            {
                case "version":
                    version = String(value, "ResourceModifiers.version") ?? string.Empty;
                    break;
                case "resourceModifierRules":
                    rules.AddRange(Sequence(value, "ResourceModifiers.resourceModifierRules", "[]resourcemodifiers.ResourceModifierRule").Select(Rule));
                    break;
                default:
                    throw Unknown(key);
            }
        }

        return (version, rules);
    }

    private static ResourceModifierRule Rule(YamlNode node)
    {
        ModifierConditions? conditions = null;
        var patches = new List<JsonPatchOperation>();
        var merge = new List<string>();
        var strategic = new List<string>();
        foreach (var (key, value) in Mapping(node, "ResourceModifierRule.resourceModifierRules", "resourcemodifiers.ResourceModifierRule"))
        {
            switch (key)
            {
                case "conditions":
                    conditions = Conditions(value);
                    break;
                case "patches":
                    patches.AddRange(Sequence(value, "ResourceModifierRule.resourceModifierRules.patches", "[]resourcemodifiers.JSONPatch").Select(Patch));
                    break;
                case "mergePatches":
                    merge.AddRange(Sequence(value, "ResourceModifierRule.resourceModifierRules.mergePatches", "[]resourcemodifiers.JSONMergePatch")
                        .Select(entry => PatchData(entry, "JSONMergePatch")));
                    break;
                case "strategicPatches":
                    strategic.AddRange(Sequence(value, "ResourceModifierRule.resourceModifierRules.strategicPatches", "[]resourcemodifiers.StrategicMergePatch")
                        .Select(entry => PatchData(entry, "StrategicMergePatch")));
                    break;
                default:
                    throw Unknown(key);
            }
        }

        return new ResourceModifierRule
        {
            Conditions = conditions ?? new ModifierConditions { GroupResource = string.Empty },
            Patches = patches,
            MergePatches = merge,
            StrategicPatches = strategic,
        };
    }

    private static ModifierConditions Conditions(YamlNode node)
    {
        const string Field = "ResourceModifierRule.resourceModifierRules.conditions";
        var conditions = new ModifierConditions { GroupResource = string.Empty };
        foreach (var (key, value) in Mapping(node, Field, "resourcemodifiers.Conditions"))
        {
            conditions = key switch
            {
                "groupResource" => conditions with { GroupResource = String(value, "Conditions.resourceModifierRules.conditions.groupResource") ?? string.Empty },
                "resourceNameRegex" => conditions with { ResourceNameRegex = String(value, "Conditions.resourceModifierRules.conditions.resourceNameRegex") },
                "namespaces" => conditions with
                {
                    Namespaces = Sequence(value, "Conditions.resourceModifierRules.conditions.namespaces", "[]string")
                        .Select(ns => String(ns, "Conditions.resourceModifierRules.conditions.namespaces") ?? string.Empty).ToList(),
                },
                "labelSelector" => conditions with { LabelSelector = LabelSelector(value) },
                "matches" => conditions with
                {
                    Matches = Sequence(value, "Conditions.resourceModifierRules.conditions.matches", "[]resourcemodifiers.MatchRule").Select(Match).ToList(),
                },
                _ => throw Unknown(key),
            };
        }

        return conditions;
    }

    private static MatchRule Match(YamlNode node)
    {
        string path = string.Empty, value = string.Empty;
        foreach (var (key, child) in Mapping(node, "Conditions.resourceModifierRules.conditions.matches", "resourcemodifiers.MatchRule"))
        {
            switch (key)
            {
                case "path":
                    path = String(child, "MatchRule.resourceModifierRules.conditions.matches.path") ?? string.Empty;
                    break;
                case "value":
                    value = String(child, "MatchRule.resourceModifierRules.conditions.matches.value") ?? string.Empty;
                    break;
                default:
                    throw Unknown(key);
            }
        }

        return new MatchRule(path, value);
    }

    private static JsonPatchOperation Patch(YamlNode node)
    {
        string operation = string.Empty, from = string.Empty, path = string.Empty, value = string.Empty;
        foreach (var (key, child) in Mapping(node, "ResourceModifierRule.resourceModifierRules.patches", "resourcemodifiers.JSONPatch"))
        {
            var text = String(child, $"JSONPatch.resourceModifierRules.patches.{key}") ?? string.Empty;
            switch (key)
            {
                case "operation":
                    operation = text;
                    break;
                case "from":
                    from = text;
                    break;
                case "path":
                    path = text;
                    break;
                case "value":
                    value = text;
                    break;
                default:
                    throw Unknown(key);
            }
        }

        return new JsonPatchOperation(operation, from, path, value);
    }

    private static string PatchData(YamlNode node, string type)
    {
        var data = string.Empty;
        foreach (var (key, child) in Mapping(node, $"ResourceModifierRule.resourceModifierRules.{(type == "JSONMergePatch" ? "mergePatches" : "strategicPatches")}", $"resourcemodifiers.{type}"))
        {
            data = key == "patchData" ? String(child, $"{type}.patchData") ?? string.Empty : throw Unknown(key);
        }

        return data;
    }

    private static V1LabelSelector? LabelSelector(YamlNode node)
    {
        var json = YamlJson.ToJsonWithStringScalars(node);
        if (json is null)
        {
            return null;
        }

        try
        {
            return KubernetesJson.Deserialize<V1LabelSelector>(json.ToJsonString());
        }
        catch (JsonException e)
        {
            throw new FormatException($"{Prefix}cannot unmarshal {json.GetValueKind().ToString().ToLowerInvariant()} into Go struct field Conditions.resourceModifierRules.conditions.labelSelector of type v1.LabelSelector", e);
        }
    }

    private static IEnumerable<(string Key, YamlNode Value)> Mapping(YamlNode? node, string field, string type)
    {
        switch (node)
        {
            case null:
                yield break;
            case YamlScalarNode scalar when YamlJson.IsNull(scalar):
                yield break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    yield return (((YamlScalarNode)key).Value ?? string.Empty, value);
                }

                yield break;
            default:
                throw Mismatch(node, field, type);
        }
    }

    private static IEnumerable<YamlNode> Sequence(YamlNode node, string field, string type) => node switch
    {
        YamlSequenceNode sequence => sequence.Children,
        YamlScalarNode scalar when YamlJson.IsNull(scalar) => [],
        _ => throw Mismatch(node, field, type),
    };

    private static string? String(YamlNode node, string field) => node switch
    {
        YamlScalarNode scalar when YamlJson.IsNull(scalar) => null,
        YamlScalarNode scalar => scalar.Value ?? string.Empty,
        _ => throw Mismatch(node, field, "string"),
    };

    private static FormatException Mismatch(YamlNode node, string field, string type)
    {
        var shape = node switch
        {
            YamlMappingNode => "object",
            YamlSequenceNode => "array",
            _ => YamlJson.ToJson(node) is { } value ? value.GetValueKind().ToString().ToLowerInvariant() switch { "true" or "false" => "bool", var kind => kind } : "null",
        };
        return new FormatException($"{Prefix}cannot unmarshal {shape} into Go struct field {field} of type {type}");
    }

    private static FormatException Unknown(string key) => new($"{Prefix}unknown field \"{key}\"");
}
