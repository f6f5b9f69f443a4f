using k8s;
using Velero.Api;
using Velero.Api.V1;
using Velero.Kubernetes.Resources;
using Velero.Scheduler.Backups;
using Velero.Selection.Validation;

namespace Velero.Scheduler.Restores;

/// <summary>
/// Validates one restore against its cluster as upstream's restore controller does (spec 5.1): the Backups and
/// BackupStorageLocations of its namespace are read for <see cref="RestoreValidator"/>, then what it refers to
/// (<see cref="RestoreReferenceChecks"/>); <c>itemOperationTimeout</c> gets its default whatever the outcome.
/// </summary>
internal static class RestoreValidationContextReader
{
    /// <summary>Bounded by <see cref="BackupResourceWriter.RequestTimeout"/>: it runs under the cluster's restore lock.</summary>
    public static async Task<RestoreValidationResult> ValidateAsync(IKubernetes client, Restore restore,
        TimeSpan defaultItemOperationTimeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(BackupResourceWriter.RequestTimeout, time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        cancellationToken = bounded.Token;
        var ns = restore.Metadata.NamespaceProperty;
        var backups = await new CustomResourceClient<Backup>(client).ListAsync(ns, cancellationToken: cancellationToken);
        var locations = await new CustomResourceClient<BackupStorageLocation>(client).ListAsync(ns, cancellationToken: cancellationToken);
        var result = RestoreValidator.Validate(restore, [.. backups.Items], [.. locations.Items]);
        var more = await RestoreReferenceChecks.CheckAsync(client, result, cancellationToken);
        if (!GoDuration.TryParse(result.Restore.Spec.ItemOperationTimeout, out var itemOperationTimeout)
            || itemOperationTimeout == TimeSpan.Zero)
        {
            result.Restore.Spec.ItemOperationTimeout = GoDuration.Format(defaultItemOperationTimeout);
        }

        return more.Count == 0 ? result : result with { Errors = [.. result.Errors, .. more] };
    }
}
