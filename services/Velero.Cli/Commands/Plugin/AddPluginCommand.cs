using k8s.Models;
using Velero.Cli.CommandLine;
using Velero.Cli.Resources;

namespace Velero.Cli.Commands.Plugin;

/// <summary>
/// <c>velero plugin add IMAGE</c>: adds the plugin image as an init container of the velero Deployment (copying
/// its binaries into the shared <c>plugins</c> volume, which is created when missing), after upstream's warning.
/// </summary>
internal static class AddPluginCommand
{
    public static Command Create()
    {
        var command = new Command("add IMAGE", "Add a plugin") { Args = ArgsRule.Exactly(1) };
        var pullPolicy = command.Flags.Enum("image-pull-policy", null, "IfNotPresent",
            "The imagePullPolicy for the plugin container. Valid values are Always, IfNotPresent, Never.", "Always", "IfNotPresent", "Never");
        var confirm = command.Flags.Bool("confirm", null, false, "Confirm add?, may cause the Velero server pod restart which will fail all ongoing jobs");
        command.Run = async ctx =>
        {
            if (!confirm.Value && !await Confirmation.AskAsync(ctx,
                    "velero plugin add may cause the Velero server pod restart, so it is a dangerous operation",
                    "once Velero server restarts, all the ongoing jobs will fail."))
            {
                return 0;
            }

            var deployment = await VeleroDeployment.FindAsync(ctx);
            var podSpec = deployment.Spec.Template.Spec;
            var addVolume = podSpec.Volumes?.Any(v => v.Name == VeleroDeployment.PluginsVolume) != true;
            if (addVolume)
            {
                podSpec.Volumes ??= [];
                podSpec.Volumes.Add(new V1Volume { Name = VeleroDeployment.PluginsVolume, EmptyDir = new V1EmptyDirVolumeSource() });
                var velero = podSpec.Containers.First(c => c.Name == VeleroDeployment.VeleroContainer);
                velero.VolumeMounts ??= [];
                velero.VolumeMounts.Add(new V1VolumeMount { Name = VeleroDeployment.PluginsVolume, MountPath = "/plugins" });
            }

            podSpec.InitContainers ??= [];
            podSpec.InitContainers.Add(new V1Container
            {
                Name = VeleroDeployment.ContainerName(ctx.Args[0]),
                Image = ctx.Args[0],
                ImagePullPolicy = pullPolicy.Value,
                VolumeMounts = [new V1VolumeMount { Name = VeleroDeployment.PluginsVolume, MountPath = "/target" }],
            });
            await VeleroDeployment.PatchPodSpecAsync(ctx, deployment, podSpec, addVolume);
            return 0;
        };
        return command;
    }
}
