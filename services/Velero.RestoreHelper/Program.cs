namespace Velero.RestoreHelper;

/// <summary>Entry point: <c>velero-restore-helper RESTORE_UID</c>, waiting on <c>/restores</c>.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) =>
        RestoreHelperApp.RunAsync(args, RestoreWaiter.DefaultRoot, Console.Out, Console.Error, TimeProvider.System,
            CancellationToken.None);
}
