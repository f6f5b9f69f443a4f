namespace Velero.BackupFormat.Tarball;

/// <summary>A backup's files cannot be read as Velero's format: corrupt, truncated, or not a backup at all.</summary>
public sealed class CorruptBackupException(string message, Exception? innerException = null) : Exception(message, innerException);
