using System.Text.Json.Nodes;

namespace Velero.Restorer.Actions.BuiltIn;

/// <summary>
/// The namespace remap the two binding actions share: upstream changes every subject whose namespace the restore maps,
/// whatever its kind (in practice ServiceAccounts, the only kind with a namespace).
/// </summary>
internal static class SubjectNamespaces
{
    public static void Remap(JsonObject binding, IReadOnlyDictionary<string, string> mapping)
    {
        if (mapping.Count == 0 || binding["subjects"] is not JsonArray subjects)
        {
            return;
        }

        foreach (var subject in subjects.OfType<JsonObject>())
        {
            // Upstream looks the namespace up even when it is empty, so a mapping of "" would apply too.
            var ns = ItemFields.String(subject, "namespace") ?? string.Empty;
            if (mapping.TryGetValue(ns, out var target))
            {
                subject["namespace"] = target;
            }
        }
    }
}
