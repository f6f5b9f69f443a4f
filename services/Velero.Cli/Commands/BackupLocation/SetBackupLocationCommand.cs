using System.Text.Json.Nodes;
using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Cli.Resources;

namespace Velero.Cli.Commands.BackupLocation;

/// <summary>
/// <c>velero backup-location set NAME [--default[=BOOL]] [--cacert FILE] [--credential SECRET=KEY]</c>. Making a
/// location the default while another is the default is refused with upstream's text. Unlike upstream, a set
/// without <c>--cacert</c> keeps the location's CA bundle instead of clearing it.
/// </summary>
internal static class SetBackupLocationCommand
{
    public static Command Create()
    {
        var command = new Command("set NAME", "Set specific features for a backup storage location") { Args = ArgsRule.Exactly(1) };
        var caCert = command.Flags.String("cacert", null, "", "File containing a certificate bundle to use when verifying TLS connections to the object store. Optional.");
        var credential = command.Flags.Map("credential", null, "Sets the credential to be used by this location as a key-value pair, where the key is the Kubernetes Secret name, and the value is the data key name within the Secret. Optional, one value only.");
        var isDefault = command.Flags.OptionalBool("default", null, "Sets this new location to be the new default backup storage location. Optional.");
        command.Run = async ctx =>
        {
            var name = ctx.Args[0];
            var secret = LocationFlags.Credential(credential.Value);
            var caCertData = await LocationFlags.CaCertAsync(ctx, caCert.Value);
            var locations = new ResourceSet<BackupStorageLocation>(ctx);
            var location = await locations.GetAsync(name);
            if (isDefault.Value == true)
            {
                var defaults = (await locations.ListAsync()).Where(l => l.Spec.Default == true).ToList();
                if (defaults.Count == 1 && defaults[0].Metadata.Name == name)
                {
                    await ctx.Out.WriteLineAsync($"Backup storage location \"{name}\" is already the default backup storage location.");
                    return 0;
                }

                if (defaults.Count > 0)
                {
                    throw new CliException("there are already exist default backup storage locations, please unset them first");
                }
            }

            var spec = new JsonObject { ["default"] = isDefault.Value ?? location.Spec.Default ?? false };
            if (caCertData is not null)
            {
                spec["objectStorage"] = new JsonObject { ["caCert"] = Convert.ToBase64String(caCertData) };
            }

            if (secret is not null)
            {
                spec["credential"] = new JsonObject { ["name"] = secret.Name, ["key"] = secret.Key };
            }

            await locations.Client.PatchAsync(ctx.Namespace, name, new JsonObject { ["spec"] = spec }, ctx.CancellationToken);
            await ctx.Out.WriteLineAsync($"Backup storage location \"{name}\" configured successfully.");
            return 0;
        };
        return command;
    }
}
