using k8s;
using k8s.Models;
using Velero.Api.V1;
using Velero.Kubernetes.Resources;

namespace Velero.Cli.Tests.Support;

/// <summary>Creates Velero resources in the test cluster as the server would leave them: spec first, then status.</summary>
internal static class Seed
{
    public static readonly DateTime Now = CliRunner.Now.UtcDateTime;

    public static async Task<T> CreateAsync<T>(IKubernetes client, T resource, object? status = null)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var resources = new CustomResourceClient<T>(client);
        resource.Metadata.NamespaceProperty ??= "velero";
        var created = await resources.CreateAsync(resource);
        return status is null ? created : await resources.PatchStatusAsync("velero", created.Metadata.Name, status);
    }

    public static Api.V1.Backup Backup(string name, Action<BackupSpec>? spec = null, IDictionary<string, string>? labels = null)
    {
        var backup = new Api.V1.Backup { Metadata = new V1ObjectMeta { Name = name, Labels = labels }, Spec = new BackupSpec { StorageLocation = "default" } };
        spec?.Invoke(backup.Spec);
        return backup;
    }

    public static Api.V1.Restore Restore(string name, string backup, Action<RestoreSpec>? spec = null)
    {
        var restore = new Api.V1.Restore { Metadata = new V1ObjectMeta { Name = name }, Spec = new RestoreSpec { BackupName = backup } };
        spec?.Invoke(restore.Spec);
        return restore;
    }

    public static V1LabelSelector Selector(params (string Key, string Value)[] labels) =>
        new() { MatchLabels = labels.ToDictionary(l => l.Key, l => l.Value) };
}
