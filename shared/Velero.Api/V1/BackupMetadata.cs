namespace Velero.Api.V1;

/// <summary>The <c>spec.metadata</c> of a backup: labels that schedules put on the backups they create.</summary>
public sealed class BackupMetadata
{
    public IDictionary<string, string>? Labels { get; set; }
}
