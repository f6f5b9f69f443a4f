namespace Velero.Kubernetes.Exec;

/// <summary>
/// How a command run through <c>pods/exec</c> ended: its exit code from the status channel, or
/// <paramref name="Failure"/> when it did not end with one (a timeout, an API server error, a broken stream). Output is
/// kept up to a bound, for logs only: it may carry anything the command prints, secrets included.
/// </summary>
public sealed record PodExecResult(int ExitCode, string? Failure, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0 && Failure is null;

    /// <summary>The error as client-go's executor (or upstream's timeout) words it for a failed command.</summary>
    public string Reason => Failure ?? $"command terminated with exit code {ExitCode}";

    public static PodExecResult Failed(string failure) => new(-1, failure, "", "");
}
