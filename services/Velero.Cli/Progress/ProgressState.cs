namespace Velero.Cli.Progress;

/// <summary>What the wait shows of a backup or restore: its phase and items done of the estimated total.</summary>
internal sealed record ProgressState(string Phase, int Done, int Total, bool Finished);
