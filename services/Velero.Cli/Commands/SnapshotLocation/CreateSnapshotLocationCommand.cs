using k8s.Models;
using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Cli.Commands.BackupLocation;
using Velero.Cli.Output;
using Velero.Cli.Printers;
using Velero.Cli.Resources;

namespace Velero.Cli.Commands.SnapshotLocation;

/// <summary><c>velero snapshot-location create NAME --provider P [--config k=v] [--credential SECRET=KEY]</c>.</summary>
internal static class CreateSnapshotLocationCommand
{
    public static Command Create()
    {
        var command = new Command("create NAME", "Create a volume snapshot location") { Args = ArgsRule.Exactly(1) };
        var provider = command.Flags.String("provider", null, "", "Name of the volume snapshot provider (e.g. aws, azure, gcp).");
        var config = command.Flags.Map("config", null, "Configuration key-value pairs.");
        var labels = command.Flags.Map("labels", null, "Labels to apply to the volume snapshot location.");
        var credential = command.Flags.Map("credential", null, "The credential to be used by this location as a key-value pair, where the key is the Kubernetes Secret name, and the value is the data key name within the Secret. Optional, one value only.");
        var output = OutputFlags.Bind(command);
        command.Run = async ctx =>
        {
            var format = output.Format;
            if (provider.Value.Length == 0)
            {
                throw new CliException("--provider is required");
            }

            var location = new VolumeSnapshotLocation
            {
                Metadata = new V1ObjectMeta
                {
                    Name = ctx.Args[0],
                    NamespaceProperty = ctx.Namespace,
                    Labels = LocationFlags.MapOrNull(labels.Value),
                },
                Spec = new VolumeSnapshotLocationSpec
                {
                    Provider = provider.Value,
                    Config = LocationFlags.MapOrNull(config.Value),
                    Credential = LocationFlags.Credential(credential.Value),
                },
                // Go prints the empty status struct (`status: {}`) with -o.
                Status = new VolumeSnapshotLocationStatus(),
            };
            if (output.Requested)
            {
                if (format == OutputFormat.Table)
                {
                    await SnapshotLocationTable.WriteAsync(ctx, [location], output);
                }
                else
                {
                    await ObjectPrinter.PrintAsync(ctx.Out, format, location);
                }

                return 0;
            }

            await new ResourceSet<VolumeSnapshotLocation>(ctx).Client.CreateAsync(location, ctx.CancellationToken);
            await ctx.Out.WriteLineAsync($"Snapshot volume location \"{location.Metadata.Name}\" configured successfully.");
            return 0;
        };
        return command;
    }
}
