using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.SnapshotLocation;

/// <summary><c>velero snapshot-location</c>: create, get and set, as upstream.</summary>
internal static class SnapshotLocationCommands
{
    public static Command Create() =>
        new Command("snapshot-location", "Work with snapshot locations") { Long = "Work with snapshot locations" }.Add(
            CreateSnapshotLocationCommand.Create(),
            GetSnapshotLocationsCommand.Create(),
            SetSnapshotLocationCommand.Create());
}
