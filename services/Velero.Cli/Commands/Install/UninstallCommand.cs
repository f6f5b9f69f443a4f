using Velero.Cli.CommandLine;
using Velero.Cli.Install;
using Velero.Cli.Resources;
using Velero.Kubernetes.Raw;

namespace Velero.Cli.Commands.Install;

/// <summary>
/// <c>velero uninstall [--force]</c>: asks first, as upstream does, then removes the install (<see cref="Uninstaller"/>).
/// </summary>
internal static class UninstallCommand
{
    public static Command Create()
    {
        var command = new Command("uninstall", "Uninstall Velero")
        {
            Args = ArgsRule.None,
            Long = """
                Uninstall Velero along with the CRDs and clusterrolebinding.

                The '--namespace' flag can be used to specify the namespace where velero is installed (default: velero).
                Use '--force' to skip the prompt confirming if you want to uninstall Velero.
                """,
            Example = " # velero uninstall --namespace staging",
        };
        var wait = command.Flags.Bool("wait", null, false, "Wait for Velero uninstall to be ready. Optional. Deprecated.");
        var force = command.Flags.Bool("force", null, false, "Forces the Velero uninstall. Optional.");
        command.Run = async ctx =>
        {
            if (wait.Value)
            {
                await ctx.Out.WriteAsync("Warning: the \"--wait\" option is deprecated and will be removed in a future release. The uninstall command always waits for the uninstall to complete.\n");
            }

            if (!force.Value)
            {
                await ctx.Out.WriteAsync("You are about to uninstall Velero.\n");
                if (!await Confirmation.AskAsync(ctx))
                {
                    return 0;
                }
            }

            try
            {
                await new Uninstaller(new ClusterApi(ctx.Kube()), ctx.Out, ctx.Time).RunAsync(ctx.Namespace, ctx.CancellationToken);
            }
            catch (InstallException e)
            {
                throw new CliException(e.Message);
            }

            return 0;
        };
        return command;
    }
}
