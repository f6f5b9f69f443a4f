using System.Text.Json.Nodes;
using k8s;

namespace Velero.Restorer.Actions.BuiltIn;

/// <summary>
/// Upstream's <c>velero.io/secret</c> for <c>kubernetes.io/service-account-token</c> secrets. One the token controller
/// made for an account of its namespace (<c>&lt;account&gt;-token-…</c>) is skipped: the controller makes it again
/// and would delete the restored copy under the restore's managed-fields patch. Any other token secret is restored
/// without the uid annotation, token and CA, which the controller fills in for the new cluster.
/// </summary>
public sealed class SecretAction : IRestoreItemAction
{
    public string Name => "velero.io/secret";

    public bool AppliesTo(string groupResource) => groupResource == "secrets";

    public async ValueTask<RestoreItemActionResult> ExecuteAsync(RestoreItemContext context, JsonObject item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(item);
        if (ItemFields.String(item, "type") != "kubernetes.io/service-account-token")
        {
            return RestoreItemActionResult.Continue(item);
        }

        var name = ItemFields.Name(item) ?? string.Empty;
        // Upstream lists the accounts of the secret's namespace as the backup has it: with a namespace mapping that is the
        // source namespace, not the one the secret is restored into.
        var ns = ItemFields.Namespace(item) ?? string.Empty;
        IList<k8s.Models.V1ServiceAccount> accounts;
        try
        {
            accounts = (await context.Client.CoreV1.ListNamespacedServiceAccountAsync(ns, cancellationToken: cancellationToken).ConfigureAwait(false)).Items;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException($"unable to list the service accounts: {e.Message}", e);
        }

        if (accounts.Any(account => name.StartsWith(account.Metadata.Name + "-token-", StringComparison.Ordinal)))
        {
            return RestoreItemActionResult.SkipItem(item);
        }

        (ItemFields.At(item, "metadata", "annotations") as JsonObject)?.Remove("kubernetes.io/service-account.uid");
        if (item["data"] is JsonObject data)
        {
            data.Remove("token");
            data.Remove("ca.crt");
        }

        return RestoreItemActionResult.Continue(item);
    }
}
