using Velero.Api.Crds;
using Velero.Cli.CommandLine;
using Velero.Cli.Output;

namespace Velero.Cli.Commands.Install;

/// <summary>
/// <c>velero install --crds-only --dry-run -o yaml</c>: prints the project's CRDs, as upstream does, for
/// <c>kubectl apply</c> or GitOps.
/// </summary>
internal static class InstallCommand
{
    public static Command Create()
    {
        var command = new Command("install", "Install Velero") { Args = ArgsRule.None };
        var crdsOnly = command.Flags.Bool("crds-only", null, false, "Only generate CustomResourceDefinition resources. Useful for updating CRDs for an existing Velero install.");
        var dryRun = command.Flags.Bool("dry-run", null, false, "Generate resources, but don't send them to the cluster. Use with -o. Only valid when used with -o.");
        var output = OutputFlags.BindSimple(command);
        command.Run = async ctx =>
        {
            if (!crdsOnly.Value || !dryRun.Value || output.Format != OutputFormat.Yaml)
            {
                throw new CliException("only `velero install --crds-only --dry-run -o yaml` is available in this build");
            }

            VeleroCrds.WriteYaml(ctx.Out);
            await ctx.Out.FlushAsync();
            return 0;
        };
        return command;
    }
}
