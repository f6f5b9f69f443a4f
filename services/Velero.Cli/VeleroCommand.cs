using Velero.Cli.CommandLine;
using Velero.Cli.Commands;
using Velero.Cli.Commands.Backup;
using Velero.Cli.Commands.BackupLocation;
using Velero.Cli.Commands.Catalog;
using Velero.Cli.Commands.Client;
using Velero.Cli.Commands.Completion;
using Velero.Cli.Commands.Install;
using Velero.Cli.Commands.Plugin;
using Velero.Cli.Commands.Restore;
using Velero.Cli.Commands.Schedule;
using Velero.Cli.Commands.SnapshotLocation;
using Velero.Cli.Commands.Verbs;
using Velero.Cli.Commands.Version;

namespace Velero.Cli;

/// <summary>The <c>velero</c> command tree: upstream's verbs and nouns, plus <c>server</c> for every service role.</summary>
internal static class VeleroCommand
{
    public static (Command Root, GlobalFlags Globals) Create()
    {
        var root = new Command("velero", "Back up and restore Kubernetes cluster resources.")
        {
            Long = """
                Velero is a tool for managing disaster recovery, specifically for Kubernetes
                cluster resources. It provides a simple, configurable, and operationally robust
                way to back up your application state and associated data.

                If you're familiar with kubectl, Velero supports a similar model, allowing you to
                execute commands such as 'velero get backup' and 'velero create schedule'. The same
                operations can also be performed as 'velero backup get' and 'velero schedule create'.
                """,
        };
        var globals = GlobalFlags.Bind(root);
        root.Add(
            BackupCommands.Create(),
            RestoreCommands.Create(),
            VersionCommand.Create(),
            InstallCommand.Create(),
            UninstallCommand.Create(),
            ScheduleCommands.Create(),
            BackupLocationCommands.Create(),
            SnapshotLocationCommands.Create(),
            PluginCommands.Create(),
            ClientCommands.Create(),
            CompletionCommand.Create(),
            CatalogCommands.Create(),
            new Command("server", "Run the velero server")
            {
                DisableFlagParsing = true,
                Run = ctx => ServerCommand.RunAsync([.. ctx.Args]),
            });
        root.Add([.. VerbCommands.Create()]);
        return (root, globals);
    }

    /// <summary>Runs one command line; what <c>Program</c> and the tests call.</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, CliEnvironment env, CancellationToken cancellationToken = default)
    {
        var (root, globals) = Create();
        return CliApp.RunAsync(root, globals, args, env, cancellationToken);
    }
}
