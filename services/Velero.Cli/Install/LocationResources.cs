using Velero.Api.V1;

namespace Velero.Cli.Install;

/// <summary>The default BackupStorageLocation and VolumeSnapshotLocation, as upstream's install creates them.</summary>
public static class LocationResources
{
    public static BackupStorageLocation BackupStorageLocation(InstallOptions options) => new()
    {
        Metadata = InstallMeta.For(options.Namespace, "default"),
        Spec = new BackupStorageLocationSpec
        {
            Provider = options.Provider,
            ObjectStorage = new ObjectStorageLocation
            {
                Bucket = options.Bucket,
                Prefix = options.Prefix.Length == 0 ? null : options.Prefix,
                CaCert = options.CaCertData,
            },
            Config = options.BackupLocationConfig.Count == 0 ? null : new Dictionary<string, string>(options.BackupLocationConfig),
            Default = true,
        },
    };

    public static VolumeSnapshotLocation VolumeSnapshotLocation(InstallOptions options) => new()
    {
        Metadata = InstallMeta.For(options.Namespace, "default"),
        Spec = new VolumeSnapshotLocationSpec
        {
            Provider = options.Provider,
            Config = options.SnapshotLocationConfig.Count == 0 ? null : new Dictionary<string, string>(options.SnapshotLocationConfig),
        },
    };
}
