using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.Client;

/// <summary>
/// <c>velero client config set KEY=VALUE...</c>: an empty value removes the key; a malformed pair is warned about
/// on stderr and skipped, as upstream does.
/// </summary>
internal static class SetClientConfigCommand
{
    public static Command Create()
    {
        var command = new Command("set KEY=VALUE [KEY=VALUE]...", "Set client configuration file values") { Args = ArgsRule.MinimumN(1) };
        command.Run = async ctx =>
        {
            var config = ctx.ClientConfig;
            foreach (var arg in ctx.Args)
            {
                var pair = arg.Split('=');
                if (pair.Length != 2)
                {
                    await ctx.Err.WriteLineAsync($"WARNING: invalid KEY=VALUE: \"{arg}\"");
                    continue;
                }

                config.Set(pair[0], pair[1]);
            }

            config.Save();
            return 0;
        };
        return command;
    }
}
