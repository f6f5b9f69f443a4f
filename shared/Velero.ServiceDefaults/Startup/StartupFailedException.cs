namespace Velero.ServiceDefaults.Startup;

/// <summary>Start-up cannot go on; <see cref="Exception.Message"/> is the one line the operator sees.</summary>
public sealed class StartupFailedException(string message, Exception? innerException = null)
    : Exception(message, innerException);
