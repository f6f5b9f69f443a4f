using System.Text.Json;
using Velero.Api.V1;
using Velero.BackupFormat.Files;
using Velero.BackupFormat.Layout;
using Velero.ObjectStorage.Locations;
using Velero.Restorer.Engine;

namespace Velero.Restorer.Messaging;

/// <summary>
/// The outcome of a restore whose files are already in its location (<c>restores/&lt;name&gt;/</c>): an earlier delivery
/// ran it to its end and its report was lost. Read from the results (warnings and errors) and the resource list (items
/// considered, and those <c>created</c> or <c>updated</c>), so a redelivery reports it instead of restoring twice.
/// </summary>
internal static class StoredRestoreOutcome
{
    private static readonly JsonSerializerOptions Json = new();

    /// <summary>Null when the restore's results are not in the location.</summary>
    public static async Task<RestoreOutcome?> ReadAsync(ObjectStoreLocation location, string restore, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (!await location.ExistsAsync(BackupLayout.RestoreResults(restore), cancellationToken))
        {
            return null;
        }

        BackupResults results;
        await using (var body = await location.GetAsync(BackupLayout.RestoreResults(restore), cancellationToken))
        {
            results = await GzipJson.ReadAsync<BackupResults>(body, Json, cancellationToken) ?? new BackupResults();
        }

        var items = new List<string>();
        if (await location.ExistsAsync(BackupLayout.RestoreResourceList(restore), cancellationToken))
        {
            await using var body = await location.GetAsync(BackupLayout.RestoreResourceList(restore), cancellationToken);
            var list = await GzipJson.ReadAsync<Dictionary<string, List<string>>>(body, Json, cancellationToken);
            items.AddRange((list ?? []).Values.SelectMany(v => v));
        }

        var errors = results.Errors.Count;
        return new RestoreOutcome
        {
            Phase = errors > 0 ? RestorePhase.PartiallyFailed : RestorePhase.Completed,
            CompletedAt = now,
            TotalItems = items.Count,
            ItemsRestored = items.Count(i => i.EndsWith("(created)", StringComparison.Ordinal)
                                             || i.EndsWith("(updated)", StringComparison.Ordinal)),
            Warnings = results.Warnings.Count,
            Errors = errors,
            HooksAttempted = 0,
            HooksFailed = 0,
        };
    }
}
