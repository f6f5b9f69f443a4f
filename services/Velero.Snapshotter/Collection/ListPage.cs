using System.Text.Json.Nodes;

namespace Velero.Snapshotter.Collection;

/// <summary>Items of one LIST page and the token of the next, if any.</summary>
internal sealed record ListPage(IReadOnlyList<JsonObject> Items, string? Continue);
