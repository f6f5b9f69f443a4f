using System.Text.Json.Serialization;

namespace Velero.BackupFormat.Files;

/// <summary>The <c>&lt;backup&gt;-results.gz</c> document: <c>{"warnings": Result, "errors": Result}</c>.</summary>
public sealed class BackupResults
{
    [JsonPropertyName("warnings")]
    public BackupResult Warnings { get; set; } = new();

    [JsonPropertyName("errors")]
    public BackupResult Errors { get; set; } = new();
}
