using k8s.Models;
using Velero.Api.V1;

namespace Velero.Selection.Tests.Support;

/// <summary>Short builders for specs and selectors used across the tables.</summary>
internal static class Specs
{
    public static IList<string>? List(string? csv) =>
        csv is null ? null : csv.Length == 0 ? [] : [.. csv.Split(',')];

    public static V1LabelSelector Selector(string? matchLabels = null, params V1LabelSelectorRequirement[] expressions) =>
        new()
        {
            MatchLabels = matchLabels?.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]),
            MatchExpressions = expressions.Length == 0 ? null : expressions,
        };

    public static V1LabelSelectorRequirement Expr(string key, string op, params string[] values) =>
        new() { Key = key, OperatorProperty = op, Values = values.Length == 0 ? null : values };

    public static Dictionary<string, string> LabelMap(string csv) =>
        csv.Length == 0 ? [] : csv.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

    public static BackupSpec NamespaceSpec(string? includes, string? excludes = null) =>
        new() { IncludedNamespaces = List(includes), ExcludedNamespaces = List(excludes) };
}
