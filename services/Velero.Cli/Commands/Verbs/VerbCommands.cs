using Velero.Cli.CommandLine;
using Velero.Cli.Commands.Backup;
using Velero.Cli.Commands.BackupLocation;
using Velero.Cli.Commands.Plugin;
using Velero.Cli.Commands.Restore;
using Velero.Cli.Commands.Schedule;
using Velero.Cli.Commands.SnapshotLocation;

namespace Velero.Cli.Commands.Verbs;

/// <summary>
/// Upstream's verb-first spellings (<c>velero get backups</c>, <c>velero create restore</c>, ...): the noun
/// commands themselves, mounted under the verb with upstream's names and aliases.
/// </summary>
internal static class VerbCommands
{
    public static IEnumerable<Command> Create() =>
    [
        Group("get", "Get velero resources",
            GetBackupsCommand.Create().As("backups", "backup"),
            GetSchedulesCommand.Create().As("schedules", "schedule"),
            GetRestoresCommand.Create().As("restores", "restore"),
            GetBackupLocationsCommand.Create().As("backup-locations", "backup-location"),
            GetSnapshotLocationsCommand.Create().As("snapshot-locations", "snapshot-location"),
            GetPluginsCommand.Create().As("plugins", "plugin")),
        Group("create", "Create velero resources",
            CreateBackupCommand.Create().As("backup"),
            CreateScheduleCommand.Create().As("schedule"),
            CreateRestoreCommand.Create().As("restore"),
            CreateBackupLocationCommand.Create().As("backup-location"),
            CreateSnapshotLocationCommand.Create().As("snapshot-location")),
        Group("delete", "Delete velero resources",
            DeleteBackupCommand.Create().As("backup", "backups"),
            DeleteBackupLocationCommand.Create().As("backup-location", "backup-locations"),
            DeleteRestoreCommand.Create().As("restore", "restores"),
            DeleteScheduleCommand.Create().As("schedule", "schedules")),
        Group("describe", "Describe velero resources",
            DescribeBackupsCommand.Create().As("backups", "backup"),
            DescribeSchedulesCommand.Create().As("schedules", "schedule"),
            DescribeRestoresCommand.Create().As("restores", "restore")),
    ];

    private static Command Group(string verb, string description, params Command[] commands) =>
        new Command(verb, description) { Long = description }.Add(commands);
}
