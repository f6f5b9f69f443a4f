using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Velero.Restorer.Actions.BuiltIn;

/// <summary>
/// Upstream's <c>velero.io/change-image-name</c>: each value of the plugin ConfigMap (label
/// <c>velero.io/change-image-name: RestoreItemAction</c>) is <c>"&lt;old part&gt;,&lt;new part&gt;"</c>; the first rule
/// whose old part occurs in a container's image replaces every occurrence of it. A value without a comma, or with
/// nothing after the first comma, is no rule. Containers and init containers of pods, of workloads' pod templates and of
/// CronJobs' job templates are changed.
/// </summary>
/// <remarks>
/// Upstream walks the rules in Go's random map order, so with two matching rules its result varies from run to run; here
/// they are tried in the order of their keys, which is one of upstream's possible outcomes and always the same.
/// </remarks>
public sealed class ChangeImageNameAction : IRestoreItemAction
{
    internal const string ConfigLabel = "velero.io/change-image-name";
    private const string Delimiter = ",";

    public string Name => ConfigLabel;

    public bool AppliesTo(string groupResource) =>
        groupResource is "deployments.apps" or "statefulsets.apps" or "daemonsets.apps" or "replicasets.apps"
            or "replicationcontrollers" or "jobs.batch" or "cronjobs.batch" or "pods";

    public ValueTask<RestoreItemActionResult> ExecuteAsync(RestoreItemContext context, JsonObject item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(item);
        if (!context.PluginConfig.TryGetValue(ConfigLabel, out var config) || config.Count == 0)
        {
            return ValueTask.FromResult(RestoreItemActionResult.Continue(item));
        }

        var rules = config.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => entry.Value).ToList();
        var podSpec = ItemFields.Kind(item) switch
        {
            "Pod" => ItemFields.At(item, "spec"),
            "CronJob" => ItemFields.At(item, "spec", "jobTemplate", "spec", "template", "spec"),
            _ => ItemFields.At(item, "spec", "template", "spec"),
        };
        foreach (var list in new[] { "containers", "initContainers" })
        {
            foreach (var container in (ItemFields.At(podSpec, list) as JsonArray ?? []).OfType<JsonObject>())
            {
                var image = ItemFields.String(container, "image");
                if (!string.IsNullOrEmpty(image) && NewImage(image, rules) is { } replaced)
                {
                    context.Log.Info($"Updating item's image from {image} to {replaced}", context.GroupResource, ItemFields.Namespace(item), ItemFields.Name(item));
                    container["image"] = replaced;
                }
            }
        }

        return ValueTask.FromResult(RestoreItemActionResult.Continue(item));
    }

    /// <summary>The image the first matching rule makes of <paramref name="image"/>, or null when none matches.</summary>
    internal static string? NewImage(string image, IEnumerable<string> rules)
    {
        foreach (var rule in rules)
        {
            var at = rule.IndexOf(Delimiter, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var oldPart = rule[..at].Trim();
            if (image.Contains(oldPart, StringComparison.Ordinal) && rule.Length - at > Delimiter.Length)
            {
                return ReplaceAll(image, oldPart, rule[(at + Delimiter.Length)..].Trim());
            }
        }

        return null;
    }

    /// <summary>Go's <c>strings.Replace(s, old, new, -1)</c>, including its empty-<paramref name="oldPart"/> case (insert around every character).</summary>
    private static string ReplaceAll(string image, string oldPart, string newPart)
    {
        if (oldPart.Length > 0)
        {
            return image.Replace(oldPart, newPart, StringComparison.Ordinal);
        }

        var builder = new StringBuilder(newPart);
        var elements = StringInfo.GetTextElementEnumerator(image);
        while (elements.MoveNext())
        {
            builder.Append(elements.GetTextElement()).Append(newPart);
        }

        return builder.ToString();
    }
}
