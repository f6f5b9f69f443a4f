using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.Client;

/// <summary><c>velero client config get|set</c>: the client configuration file.</summary>
internal static class ClientCommands
{
    public static Command Create() =>
        new Command("client", "Velero client related commands").Add(
            new Command("config", "Get and set client configuration file values").Add(
                GetClientConfigCommand.Create(),
                SetClientConfigCommand.Create()));
}
