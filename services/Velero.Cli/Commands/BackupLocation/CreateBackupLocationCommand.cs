using k8s.Models;
using Velero.Api;
using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Cli.Output;
using Velero.Cli.Printers;
using Velero.Cli.Resources;

namespace Velero.Cli.Commands.BackupLocation;

/// <summary>
/// <c>velero backup-location create NAME --provider P --bucket B ...</c>. <c>--default</c> is refused while another
/// default exists (upstream's rule: one default, unset the old one first).
/// </summary>
internal static class CreateBackupLocationCommand
{
    public static Command Create()
    {
        var command = new Command("create NAME", "Create a backup storage location") { Args = ArgsRule.Exactly(1) };
        var provider = command.Flags.String("provider", null, "", "Name of the backup storage provider (e.g. aws, azure, gcp).");
        var bucket = command.Flags.String("bucket", null, "", "Name of the object storage bucket where backups should be stored.");
        var credential = command.Flags.Map("credential", null, "The credential to be used by this location as a key-value pair, where the key is the Kubernetes Secret name, and the value is the data key name within the Secret. Optional, one value only.");
        var isDefault = command.Flags.Bool("default", null, false, "Sets this new location to be the new default backup storage location. Optional.");
        var prefix = command.Flags.String("prefix", null, "", "Prefix under which all Velero data should be stored within the bucket. Optional.");
        var syncPeriod = command.Flags.Duration("backup-sync-period", null, TimeSpan.Zero, "How often to ensure all Velero backups in object storage exist as Backup API objects in the cluster. Optional. Set this to `0s` to disable sync. Default: 1 minute.");
        var validationFrequency = command.Flags.Duration("validation-frequency", null, TimeSpan.Zero, "How often to verify if the backup storage location is valid. Optional. Set this to `0s` to disable sync. Default 1 minute.");
        var config = command.Flags.Map("config", null, "Configuration key-value pairs.");
        var labels = command.Flags.Map("labels", null, "Labels to apply to the backup storage location.");
        var caCert = command.Flags.String("cacert", null, "", "File containing a certificate bundle to use when verifying TLS connections to the object store. Optional.");
        var accessMode = command.Flags.Enum("access-mode", null, BackupStorageLocationAccessMode.ReadWrite,
            "Access mode for the backup storage location. Valid values are ReadWrite,ReadOnly",
            BackupStorageLocationAccessMode.ReadWrite, BackupStorageLocationAccessMode.ReadOnly);
        var output = OutputFlags.Bind(command);
        command.Run = async ctx =>
        {
            var format = output.Format;
            if (provider.Value.Length == 0)
            {
                throw new CliException("--provider is required");
            }

            if (bucket.Value.Length == 0)
            {
                throw new CliException("--bucket is required");
            }

            if (syncPeriod.Value < TimeSpan.Zero)
            {
                throw new CliException("--backup-sync-period must be non-negative");
            }

            var location = new BackupStorageLocation
            {
                Metadata = new V1ObjectMeta
                {
                    Name = ctx.Args[0],
                    NamespaceProperty = ctx.Namespace,
                    Labels = LocationFlags.MapOrNull(labels.Value),
                },
                Spec = new BackupStorageLocationSpec
                {
                    Provider = provider.Value,
                    ObjectStorage = new ObjectStorageLocation
                    {
                        Bucket = bucket.Value,
                        Prefix = prefix.Value.Length > 0 ? prefix.Value : null,
                        CaCert = await LocationFlags.CaCertAsync(ctx, caCert.Value),
                    },
                    Config = LocationFlags.MapOrNull(config.Value),
                    Credential = LocationFlags.Credential(credential.Value),
                    Default = isDefault.Value ? true : null,
                    AccessMode = accessMode.Value,
                    BackupSyncPeriod = syncPeriod.Changed ? GoDuration.Format(syncPeriod.Value) : null,
                    ValidationFrequency = validationFrequency.Changed ? GoDuration.Format(validationFrequency.Value) : null,
                },
                // Go prints the empty status struct (`status: {}`) with -o.
                Status = new BackupStorageLocationStatus(),
            };
            if (output.Requested)
            {
                if (format == OutputFormat.Table)
                {
                    await BackupLocationTable.WriteAsync(ctx, [location], output);
                }
                else
                {
                    await ObjectPrinter.PrintAsync(ctx.Out, format, location);
                }

                return 0;
            }

            var locations = new ResourceSet<BackupStorageLocation>(ctx);
            if (isDefault.Value && (await locations.ListAsync()).Any(l => l.Spec.Default == true))
            {
                throw new CliException("there is already exist default backup storage location, please unset it first or do not set --default flag");
            }

            await locations.Client.CreateAsync(location, ctx.CancellationToken);
            await ctx.Out.WriteLineAsync($"Backup storage location \"{location.Metadata.Name}\" configured successfully.");
            return 0;
        };
        return command;
    }
}
