using Velero.Cli;
using Velero.Cli.CommandLine;

// Ctrl-C cancels what a command waits for (a backup's progress, a download), never the backup itself.
// `velero server` handles its own shutdown signals through the host.
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (args is not ["server", ..])
    {
        e.Cancel = true;
        interrupted.Cancel();
    }
};

return await VeleroCommand.RunAsync(args, CliEnvironment.FromConsole(), interrupted.Token);
