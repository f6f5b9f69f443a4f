using System.Text.Json.Nodes;

namespace Velero.Restorer.Actions.BuiltIn;

/// <summary>
/// Upstream's <c>velero.io/service-account</c>: the token secret the old cluster generated for the account
/// (<c>&lt;name&gt;-token-…</c>) is not carried over, the new cluster makes its own. Like upstream, only the last such
/// reference is removed.
/// </summary>
public sealed class ServiceAccountAction : IRestoreItemAction
{
    public string Name => "velero.io/service-account";

    public bool AppliesTo(string groupResource) => groupResource == "serviceaccounts";

    public ValueTask<RestoreItemActionResult> ExecuteAsync(RestoreItemContext context, JsonObject item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var prefix = ItemFields.Name(item) + "-token-";
        if (item["secrets"] is JsonArray secrets)
        {
            for (var i = secrets.Count - 1; i >= 0; i--)
            {
                if (ItemFields.String(secrets[i], "name")?.StartsWith(prefix, StringComparison.Ordinal) == true)
                {
                    secrets.RemoveAt(i);
                    break;
                }
            }

            if (secrets.Count == 0)
            {
                item.Remove("secrets");
            }
        }

        return ValueTask.FromResult(RestoreItemActionResult.Continue(item));
    }
}
