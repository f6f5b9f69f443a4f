namespace Velero.Cli.CommandLine;

/// <summary>
/// A failure to report to the user in one line, as upstream's <c>cmd.CheckError</c> does
/// (<c>An error occurred: ...</c>, exit code 1). Never carries a stack trace to the terminal.
/// </summary>
internal class CliException(string message, Exception? inner = null) : Exception(message, inner);
