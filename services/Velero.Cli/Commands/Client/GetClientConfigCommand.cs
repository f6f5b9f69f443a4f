using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.Client;

/// <summary><c>velero client config get [KEY...]</c>: <c>key: value</c> lines, all keys sorted when none are named.</summary>
internal static class GetClientConfigCommand
{
    public static Command Create()
    {
        var command = new Command("get [KEY 1] [KEY 2] [...]", "Get client configuration file values");
        command.Run = async ctx =>
        {
            var values = ctx.ClientConfig.Values.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            var keys = ctx.Args.Count > 0 ? ctx.Args : [.. values.Keys.Order(StringComparer.Ordinal)];
            foreach (var key in keys)
            {
                await ctx.Out.WriteLineAsync($"{key}: {(values.TryGetValue(key, out var value) ? value : "<NOT SET>")}");
            }

            return 0;
        };
        return command;
    }
}
