using System.Text.Json.Nodes;
using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Cli.Commands.BackupLocation;
using Velero.Cli.Resources;

namespace Velero.Cli.Commands.SnapshotLocation;

/// <summary><c>velero snapshot-location set NAME --credential SECRET=KEY</c>.</summary>
internal static class SetSnapshotLocationCommand
{
    public static Command Create()
    {
        var command = new Command("set NAME", "Set specific features for a snapshot location") { Args = ArgsRule.Exactly(1) };
        var credential = command.Flags.Map("credential", null, "Sets the credential to be used by this location as a key-value pair, where the key is the Kubernetes Secret name, and the value is the data key name within the Secret. Optional, one value only.");
        command.Run = async ctx =>
        {
            var name = ctx.Args[0];
            var secret = LocationFlags.Credential(credential.Value);
            var locations = new ResourceSet<VolumeSnapshotLocation>(ctx);
            await locations.GetAsync(name);
            if (secret is not null)
            {
                var patch = new JsonObject
                {
                    ["spec"] = new JsonObject { ["credential"] = new JsonObject { ["name"] = secret.Name, ["key"] = secret.Key } },
                };
                await locations.Client.PatchAsync(ctx.Namespace, name, patch, ctx.CancellationToken);
            }

            await ctx.Out.WriteLineAsync($"Volume snapshot location \"{name}\" configured successfully.");
            return 0;
        };
        return command;
    }
}
