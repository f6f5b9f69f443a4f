using k8s.Models;
using Velero.Selection.Resources;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Velero.Selection.Validation;

/// <summary>
/// Reads and validates the resource policies ConfigMap (spec 4.3) as <c>internal/resourcepolicies</c> does in Velero
/// 1.18: exactly one data key holding YAML, only known fields (upstream decodes with <c>KnownFields(true)</c>),
/// <c>version: v1</c>, known action types, and an include/exclude policy without <c>*</c> or overlaps. Volume condition
/// values (capacity ranges, CSI attributes) are checked by the volume-policy matcher that uses them, not here.
/// </summary>
public static class ResourcePolicyReader
{
    private const string SupportedVersion = "v1";
    private static readonly string[] TopLevelFields = ["version", "volumePolicies", "includeExcludePolicy"];
    private static readonly string[] VolumePolicyFields = ["conditions", "action"];
    private static readonly string[] ActionFields = ["type", "parameters"];
    private static readonly string[] ActionTypes = ["skip", "snapshot", "fs-backup", "custom"];

    private static readonly string[] PolicyFields =
    [
        "includedClusterScopedResources", "excludedClusterScopedResources",
        "includedNamespaceScopedResources", "excludedNamespaceScopedResources",
    ];

    /// <summary>
    /// Null error when valid (the include/exclude policy, if any, comes back); otherwise upstream's full message, which
    /// names the backup (<paramref name="backupKey"/>, <c>ns/name</c>) for read and validation failures.
    /// </summary>
    public static (IncludeExcludePolicy? Policy, string? Error) Read(V1ConfigMap configMap, string backupKey)
    {
        string ReadError(string detail) =>
            $"fail to read the ResourcePolicies from ConfigMap {backupKey} with error {detail}";
        string ValidateError(string detail) =>
            $"fail to validate ResourcePolicies in ConfigMap {backupKey} with error {detail}";

        if (configMap.Data is not { Count: 1 })
        {
            return (null, ReadError(
                $"illegal resource policies {configMap.Metadata?.NamespaceProperty}/{configMap.Metadata?.Name} configmap"));
        }

        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(configMap.Data.Values.Single()));
            root = stream.Documents.Count == 0 ? new YamlMappingNode() : (YamlMappingNode)stream.Documents[0].RootNode;
            CheckFields(root, TopLevelFields);
            foreach (var policy in Sequence(root, "volumePolicies").OfType<YamlMappingNode>())
            {
                CheckFields(policy, VolumePolicyFields);
                if (Child(policy, "action") is YamlMappingNode action)
                {
                    CheckFields(action, ActionFields);
                }

                if (Child(policy, "conditions") is YamlMappingNode conditions
                    && Child(conditions, "pvcLabels") is { } labels and not YamlMappingNode)
                {
                    throw new YamlException($"pvcLabels must be a map of string to string, got {GoTypeName(labels)}");
                }
            }

            if (Child(root, "includeExcludePolicy") is YamlMappingNode includeExclude)
            {
                CheckFields(includeExclude, PolicyFields);
            }
        }
        catch (Exception e) when (e is YamlException or InvalidCastException)
        {
            return (null, ReadError($"failed to decode yaml data into resource policies  {e.Message}"));
        }

        var version = (Child(root, "version") as YamlScalarNode)?.Value ?? string.Empty;
        if (version != SupportedVersion)
        {
            return (null, ValidateError(
                $"incompatible version number {version} with supported version {SupportedVersion}"));
        }

        foreach (var policy in Sequence(root, "volumePolicies").OfType<YamlMappingNode>())
        {
            var type = ((Child(policy, "action") as YamlMappingNode) is { } action
                ? (Child(action, "type") as YamlScalarNode)?.Value : null) ?? string.Empty;
            if (!ActionTypes.Contains(type, StringComparer.Ordinal))
            {
                return (null, ValidateError($"invalid action type {type}"));
            }
        }

        if (Child(root, "includeExcludePolicy") is not YamlMappingNode node)
        {
            return (null, null);
        }

        var result = new IncludeExcludePolicy(
            Strings(node, PolicyFields[0]), Strings(node, PolicyFields[1]),
            Strings(node, PolicyFields[2]), Strings(node, PolicyFields[3]));
        var policyError = ValidatePolicy(result.IncludedClusterScopedResources, result.ExcludedClusterScopedResources)
            ?? ValidatePolicy(result.IncludedNamespaceScopedResources, result.ExcludedNamespaceScopedResources);
        return policyError is null ? (result, null) : (null, ValidateError(policyError));
    }

    private static string? ValidatePolicy(IReadOnlyList<string> includes, IReadOnlyList<string> excludes)
    {
        if (includes.Contains("*") || excludes.Contains("*"))
        {
            return "cannot use '*' in includes or excludes filters in the policy";
        }

        var overlap = excludes.Order(StringComparer.Ordinal).FirstOrDefault(e => includes.Contains(e, StringComparer.Ordinal));
        return overlap is null ? null : $"excludes list cannot contain an item in the includes list: {overlap}";
    }

    private static void CheckFields(YamlMappingNode node, string[] known)
    {
        foreach (var key in node.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!known.Contains(key.Value, StringComparer.Ordinal))
            {
                throw new YamlException(key.Start, key.End, $"field {key.Value} not found");
            }
        }
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) =>
        Child(node, key) as YamlSequenceNode ?? [];

    private static IReadOnlyList<string> Strings(YamlMappingNode node, string key) =>
        [.. Sequence(node, key).OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty)];

    private static string GoTypeName(YamlNode node) => node is YamlSequenceNode ? "[]interface {}" : "string";
}
