using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.Plugin;

/// <summary><c>velero plugin remove NAME|IMAGE</c>: drops the plugin's init container from the velero Deployment.</summary>
internal static class RemovePluginCommand
{
    public static Command Create()
    {
        var command = new Command("remove [NAME | IMAGE]", "Remove a plugin") { Args = ArgsRule.Exactly(1) };
        command.Run = async ctx =>
        {
            var deployment = await VeleroDeployment.FindAsync(ctx);
            var podSpec = deployment.Spec.Template.Spec;
            var plugin = podSpec.InitContainers?.FirstOrDefault(c => c.Name == ctx.Args[0] || c.Image == ctx.Args[0])
                ?? throw new CliException($"init container {ctx.Args[0]} not found in Velero server deployment");
            podSpec.InitContainers!.Remove(plugin);
            await VeleroDeployment.PatchPodSpecAsync(ctx, deployment, podSpec, withVolumes: false);
            return 0;
        };
        return command;
    }
}
