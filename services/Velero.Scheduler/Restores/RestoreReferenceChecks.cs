using System.Net;
using k8s;
using k8s.Autorest;
using Velero.ResourceModifiers;
using Velero.Selection.Validation;

namespace Velero.Scheduler.Restores;

/// <summary>
/// The validation of what a restore refers to beyond backups and locations (spec 5.1), which <see cref="RestoreValidator"/>
/// leaves out because it reads the cluster: the resource-modifier ConfigMap. Its errors follow the validator's.
/// </summary>
internal static class RestoreReferenceChecks
{
    /// <summary>
    /// The errors of the restore's resource-modifier ConfigMap, in upstream's words: missing, unparsable or invalid. It is
    /// read only once the backup and its location were found, as upstream does. (The init-container hooks are checked by
    /// <see cref="RestoreValidator"/>, in upstream's order.)
    /// </summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(IKubernetes client, RestoreValidationResult result,
        CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var restore = result.Restore;
        if (result.Backup is not null
            && restore.Spec.ResourceModifier is { } reference
            && string.Equals(reference.Kind, "configmap", StringComparison.OrdinalIgnoreCase))
        {
            var ns = restore.Metadata.NamespaceProperty;
            try
            {
                var map = await client.CoreV1.ReadNamespacedConfigMapAsync(reference.Name, ns, cancellationToken: cancellationToken);
                ResourceModifierRules.FromConfigMap(map);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                errors.Add($"failed to get resource modifiers configmap {ns}/{reference.Name}");
            }
            catch (ResourceModifierException e)
            {
                // Upstream's "Error in parsing ..." or "Validation error in ..." with the rule at fault.
                errors.Add(e.Message);
            }
        }

        return errors;
    }
}
