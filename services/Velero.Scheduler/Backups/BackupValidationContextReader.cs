using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Velero.Api.V1;
using Velero.Kubernetes.Resources;
using Velero.Selection.Namespaces;
using Velero.Selection.Validation;

namespace Velero.Scheduler.Backups;

/// <summary>Reads from a cluster what validating one of its backups needs (spec 4.1): locations, namespaces, version, policy.</summary>
internal static class BackupValidationContextReader
{
    /// <summary>Bounded by <see cref="BackupResourceWriter.RequestTimeout"/>: it runs under the cluster's lock.</summary>
    public static async Task<BackupValidationContext> ReadAsync(IKubernetes client, Backup backup, TimeProvider time,
        CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(BackupResourceWriter.RequestTimeout, time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        cancellationToken = bounded.Token;
        var ns = backup.Metadata.NamespaceProperty;
        var storageLocations = await new CustomResourceClient<BackupStorageLocation>(client).ListAsync(ns, cancellationToken: cancellationToken);
        var snapshotLocations = await new CustomResourceClient<VolumeSnapshotLocation>(client).ListAsync(ns, cancellationToken: cancellationToken);
        var version = await client.Version.GetCodeAsync(cancellationToken);
        return new BackupValidationContext
        {
            StorageLocations = [.. storageLocations.Items],
            SnapshotLocations = [.. snapshotLocations.Items],
            Namespaces = await ReadNamespacesAsync(client, time, cancellationToken),
            ClusterVersion = new ClusterVersion(version.GitVersion ?? "", version.Major ?? "", version.Minor ?? ""),
            ResourcePolicyConfigMap = await ReadPolicyAsync(client, backup, cancellationToken),
        };
    }

    public static async Task<List<ClusterNamespace>> ReadNamespacesAsync(IKubernetes client, TimeProvider time,
        CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(BackupResourceWriter.RequestTimeout, time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var namespaces = await client.CoreV1.ListNamespaceAsync(cancellationToken: bounded.Token);
        return [.. namespaces.Items.Select(n => new ClusterNamespace(n.Metadata.Name,
            n.Metadata.Labels is null ? null : new Dictionary<string, string>(n.Metadata.Labels),
            n.Status?.Phase != "Terminating"))];
    }

    private static async Task<V1ConfigMap?> ReadPolicyAsync(IKubernetes client, Backup backup, CancellationToken cancellationToken)
    {
        if (backup.Spec.ResourcePolicy is not { } reference
            || !string.Equals(reference.Kind, "configmap", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return await client.CoreV1.ReadNamespacedConfigMapAsync(reference.Name, backup.Metadata.NamespaceProperty,
                cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
