using Velero.Cli.CommandLine;
using Velero.Cli.Output;
using Velero.Cli.Printers;
using Velero.Cli.Resources;

namespace Velero.Cli.Commands.Plugin;

/// <summary>
/// <c>velero plugin get [--timeout 5s] [-o ...]</c>: the plugins a running server reports through a
/// ServerStatusRequest. As upstream, a server that does not answer is reported on stdout, exit code 0.
/// </summary>
internal static class GetPluginsCommand
{
    public static Command Create()
    {
        var command = new Command("get", "Get information for all plugins on the velero server");
        var timeout = command.Flags.Duration("timeout", null, TimeSpan.FromSeconds(5), "Maximum time to wait for plugin information to be reported. Default is 5 seconds.");
        var output = OutputFlags.BindSimple(command);
        command.Run = async ctx =>
        {
            var format = output.Format;
            Api.V1.ServerStatusRequest status;
            try
            {
                status = await ServerStatus.GetAsync(ctx, timeout.Value);
            }
            catch (Exception e) when (CliApp.Describe(e) is { } message && !ctx.CancellationToken.IsCancellationRequested)
            {
                await ctx.Out.WriteLineAsync($"<error getting plugin information: {message}>");
                return 0;
            }

            if (format == OutputFormat.Table)
            {
                await PluginTable.WriteAsync(ctx.Out, status.Status?.Plugins ?? []);
            }
            else
            {
                await ObjectPrinter.PrintAsync(ctx.Out, format, status);
            }

            return 0;
        };
        return command;
    }
}
