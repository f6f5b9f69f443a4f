namespace Velero.Cli.Install;

/// <summary>
/// The flag combinations upstream's install rejects (pkg/cmd/cli/install Validate), in its order and words, then this
/// product's own: plugin images it cannot load.
/// </summary>
public static class InstallValidator
{
    /// <summary>Throws <see cref="InstallException"/> with the first problem.</summary>
    public static void Validate(InstallOptions options, string secretFile, bool noSecret)
    {
        if (options.UploaderType.Trim() != "kopia")
        {
            throw new InstallException($"invalid uploader type '{options.UploaderType.Trim()}', valid type: 'kopia'");
        }

        // A bucket name starting with a dash can mean an environment variable was left blank (upstream's comment).
        if (options.Bucket.StartsWith('-'))
        {
            throw new InstallException($"Bucket names cannot begin with a dash. Bucket name was: {options.Bucket}");
        }

        if (options.NoDefaultBackupLocation)
        {
            Reject(options.Bucket.Length > 0, "Cannot use both --bucket and --no-default-backup-location at the same time");
            Reject(options.Prefix.Length > 0, "Cannot use both --prefix and --no-default-backup-location at the same time");
            Reject(options.BackupLocationConfig.Count > 0, "Cannot use both --backup-location-config and --no-default-backup-location at the same time");
        }
        else
        {
            Reject(options.Provider.Length == 0, "--provider is required");
            Reject(options.Bucket.Length == 0, "--bucket is required");
        }

        if (options.UseVolumeSnapshots)
        {
            Reject(options.Provider.Length == 0, "--provider is required when --use-volume-snapshots is set to true");
        }
        else
        {
            Reject(options.SnapshotLocationConfig.Count > 0, "--snapshot-location-config must be empty when --use-volume-snapshots=false");
        }

        if (options.NoDefaultBackupLocation && !options.UseVolumeSnapshots)
        {
            Reject(options.Provider.Length > 0, "--provider must be empty when using --no-default-backup-location and --use-volume-snapshots=false");
        }
        else
        {
            Reject(options.Plugins.Count == 0, "--plugins flag is required");
        }

        Reject(options.DefaultVolumesToFsBackup && !options.UseNodeAgent, "--use-node-agent is required when using --default-volumes-to-fs-backup");
        Reject(secretFile.Length == 0 && !noSecret, "One of --secret-file or --no-secret is required");
        Reject(secretFile.Length > 0 && noSecret, "Cannot use both --secret-file and --no-secret");
        Reject(options.DefaultRepoMaintenanceFrequency < TimeSpan.Zero, "--default-repo-maintain-frequency must be non-negative");
        Reject(options.GarbageCollectionFrequency < TimeSpan.Zero, "--garbage-collection-frequency must be non-negative");
        Reject(options.PodVolumeOperationTimeout < TimeSpan.Zero, "--pod-volume-operation-timeout must be non-negative");
        foreach (var image in options.Plugins)
        {
            if (PluginImages.Refusal(image) is { } refusal)
            {
                throw new InstallException(refusal);
            }
        }
    }

    private static void Reject(bool condition, string message)
    {
        if (condition)
        {
            throw new InstallException(message);
        }
    }
}
