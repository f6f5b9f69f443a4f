using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Cli.Output;

namespace Velero.Cli.Printers;

/// <summary>
/// Upstream's backup storage location table: NAME, PROVIDER, BUCKET/PREFIX, PHASE (Unknown when unset),
/// LAST VALIDATED (Go time or Unknown), ACCESS MODE (ReadWrite when unset), DEFAULT (true or empty).
/// </summary>
internal static class BackupLocationTable
{
    public static Task WriteAsync(CommandContext ctx, IReadOnlyList<BackupStorageLocation> locations, OutputFlags flags)
    {
        if (locations.Count == 0)
        {
            return Task.CompletedTask;
        }

        var table = new TableWriter(["NAME", "PROVIDER", "BUCKET/PREFIX", "PHASE", "LAST VALIDATED", "ACCESS MODE", "DEFAULT"]);
        foreach (var location in locations)
        {
            var storage = location.Spec.ObjectStorage;
            var bucketAndPrefix = (storage?.Bucket ?? "") + (string.IsNullOrEmpty(storage?.Prefix) ? "" : "/" + storage.Prefix);
            table.AddRow(ObjectLabels.Of(location.Metadata), flags,
                location.Metadata.Name,
                location.Spec.Provider ?? "",
                bucketAndPrefix,
                string.IsNullOrEmpty(location.Status?.Phase) ? "Unknown" : location.Status.Phase,
                location.Status?.LastValidationTime is { } validated ? Humanize.GoTime((DateTime?)validated, ctx.Env.TimeZone) : "Unknown",
                string.IsNullOrEmpty(location.Spec.AccessMode) ? BackupStorageLocationAccessMode.ReadWrite : location.Spec.AccessMode,
                location.Spec.Default == true ? "true" : "");
        }

        return table.WriteAsync(ctx.Out, flags);
    }
}
