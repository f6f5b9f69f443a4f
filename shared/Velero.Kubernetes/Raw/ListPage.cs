using System.Text.Json.Nodes;

namespace Velero.Kubernetes.Raw;

/// <summary>Items of one LIST page and the token of the next, if any.</summary>
public sealed record ListPage(IReadOnlyList<JsonObject> Items, string? Continue);
