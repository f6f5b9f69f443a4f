using System.Net;
using k8s;
using k8s.Autorest;
using Velero.Selection.Validation;

namespace Velero.Scheduler.Restores;

/// <summary>
/// The validation of what a restore refers to beyond backups and locations (spec 5.1), which <see cref="RestoreValidator"/>
/// leaves out because it reads the cluster or parses user documents: the resource-modifier ConfigMap and the init-container
/// hooks. Its errors follow the validator's.
/// </summary>
internal static class RestoreReferenceChecks
{
    /// <summary>
    /// The errors of the restore's resource modifiers and restore hooks, in upstream's words. The resource-modifier
    /// ConfigMap is read here (upstream looks only once the backup and its location were found); parsing its rules and the
    /// init-container hook JSON are to be added here too.
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
                // The ConfigMap's rules are parsed and validated by the restorer's resource modifiers; here only its
                // existence is checked, with upstream's message.
                await client.CoreV1.ReadNamespacedConfigMapAsync(reference.Name, ns, cancellationToken: cancellationToken);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                errors.Add($"failed to get resource modifiers configmap {ns}/{reference.Name}");
            }
        }

        return errors;
    }
}
