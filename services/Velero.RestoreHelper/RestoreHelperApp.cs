namespace Velero.RestoreHelper;

/// <summary>
/// Upstream's main loop: exactly one argument (the restore's UID), else the error line and exit 1; then every
/// second check the markers, and once all are there remove the <c>.velero</c> folders and exit 0. A failed clean-up
/// is printed and still exits 0, as upstream does.
/// </summary>
public static class RestoreHelperApp
{
    public const string UsageError = "ERROR: exactly one argument must be provided, the restore's UID";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, string root, TextWriter stdout,
        TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        if (args.Count != 1)
        {
            await stderr.WriteLineAsync(UsageError.AsMemory(), cancellationToken);
            return 1;
        }

        var waiter = new RestoreWaiter(root, args[0], stdout, stderr);
        // Upstream uses a one-second ticker and checks after the first tick, not at once.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (!waiter.Done())
            {
                continue;
            }

            stdout.WriteLine("All restic restores are done");
            var error = waiter.RemoveMarkerFolders();
            stdout.WriteLine(error ?? "Done cleanup .velero folder");
            await stdout.FlushAsync(cancellationToken);
            return 0;
        }

        return 1;
    }
}
