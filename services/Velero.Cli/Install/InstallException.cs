namespace Velero.Cli.Install;

/// <summary>An install or uninstall that cannot go on, with the one line the user sees.</summary>
public sealed class InstallException(string message, Exception? inner = null) : Exception(message, inner);
