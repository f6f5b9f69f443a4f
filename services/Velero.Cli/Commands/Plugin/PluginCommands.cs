using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.Plugin;

/// <summary><c>velero plugin</c>: add, remove and get, as upstream.</summary>
internal static class PluginCommands
{
    public static Command Create() =>
        new Command("plugin", "Work with plugins") { Long = "Work with plugins" }.Add(
            AddPluginCommand.Create(),
            RemovePluginCommand.Create(),
            GetPluginsCommand.Create());
}
