namespace Velero.Cli.CommandLine;

/// <summary>
/// A mistake in how a command was called (unknown flag, wrong argument count, an invalid combination): printed as
/// cobra prints it, <c>Error: ...</c> followed by a pointer to the command's help, exit code 1.
/// </summary>
internal sealed class UsageException(string message) : CliException(message);
