namespace Velero.Snapshotter.Collection.Hooks;

/// <summary>
/// How a command run through <c>pods/exec</c> ended: its exit code from the status channel, or
/// <paramref name="Failure"/> when the API server reported an error other than a non-zero exit. Output is kept up to a
/// bound, for logs only.
/// </summary>
internal sealed record PodExecResult(int ExitCode, string? Failure, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0 && Failure is null;

    /// <summary>The error as client-go's executor words it for a failed command.</summary>
    public string Reason => Failure ?? $"command terminated with exit code {ExitCode}";
}
