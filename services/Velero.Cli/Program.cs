using Velero.Cli.Commands;

// The full command tree (backup, restore, schedule, install, ...) arrives with the CLI; the server entry point and
// the client version are what the services need today.
return args switch
{
    ["server", .. var rest] => await ServerCommand.RunAsync(rest),
    ["version", .. var rest] => VersionCommand.Run(rest, Console.Out),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Usage:
          velero server [--roles scheduler,snapshotter,uploader,restorer] [--urls http://127.0.0.1:8085]
          velero version --client-only
        """);
    return 2;
}
