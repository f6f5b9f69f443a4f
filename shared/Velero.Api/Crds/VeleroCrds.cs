using k8s;
using k8s.Models;
using Velero.Api.V1;
using Velero.Api.V2Alpha1;

namespace Velero.Api.Crds;

/// <summary>The project's <c>velero.io</c> CustomResourceDefinitions, generated from the API types.</summary>
public static class VeleroCrds
{
    /// <summary>Every resource type with a CRD, v1 then v2alpha1, each group sorted by plural name.</summary>
    public static IReadOnlyList<Type> ResourceTypes { get; } =
    [
        typeof(BackupRepository),
        typeof(Backup),
        typeof(BackupStorageLocation),
        typeof(DeleteBackupRequest),
        typeof(DownloadRequest),
        typeof(PodVolumeBackup),
        typeof(PodVolumeRestore),
        typeof(Restore),
        typeof(Schedule),
        typeof(ServerStatusRequest),
        typeof(VolumeSnapshotLocation),
        typeof(DataDownload),
        typeof(DataUpload),
    ];

    private static readonly Lazy<IReadOnlyList<V1CustomResourceDefinition>> Generated =
        new(() => [.. ResourceTypes.Select(CrdGenerator.Generate)]);

    /// <summary>
    /// The generated CRDs. Callers get fresh copies, so applying or editing one never changes what others see.
    /// </summary>
    public static IReadOnlyList<V1CustomResourceDefinition> All() =>
        [.. Generated.Value.Select(crd => KubernetesJson.Deserialize<V1CustomResourceDefinition>(KubernetesJson.Serialize(crd)))];

    /// <summary>Writes every CRD as one multi-document YAML stream (what <c>kubectl apply -f</c> takes).</summary>
    public static void WriteYaml(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var crd in Generated.Value)
        {
            writer.Write("---\n");
            writer.Write(KubernetesYaml.Serialize(crd));
            writer.Write('\n');
        }
    }

    /// <summary>The API type for a <c>velero.io</c> kind and version, e.g. ("v1", "Backup").</summary>
    public static Type? TypeFor(string version, string kind) => ResourceTypes.FirstOrDefault(t =>
        t.GetCustomAttributes(typeof(KubernetesEntityAttribute), false) is [KubernetesEntityAttribute entity]
        && entity.ApiVersion == version && entity.Kind == kind);
}
