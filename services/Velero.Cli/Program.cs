using Velero.Cli.Commands;

// The full command tree (backup, restore, schedule, install, ...) arrives with the CLI; the server entry point and
// the version are what the services need today.
return args switch
{
    ["server", .. var rest] => await ServerCommand.RunAsync(rest),
    ["version", .. var rest] => await VersionCommand.RunAsync(rest, Console.Out, Console.Error),
    ["install", .. var rest] => await InstallCommand.RunAsync(rest, Console.Out, Console.Error),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Usage:
          velero server [--roles scheduler,snapshotter,uploader,restorer] [--urls http://127.0.0.1:8085]
          velero install --crds-only --dry-run -o yaml
          velero version [--client-only] [--timeout 5s] [--kubeconfig PATH] [--kubecontext NAME] [-n NAMESPACE]
        """);
    return 2;
}
