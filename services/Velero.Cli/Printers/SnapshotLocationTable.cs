using Velero.Api.V1;
using Velero.Cli.CommandLine;
using Velero.Cli.Output;

namespace Velero.Cli.Printers;

/// <summary>Upstream's volume snapshot location table: NAME, PROVIDER.</summary>
internal static class SnapshotLocationTable
{
    public static Task WriteAsync(CommandContext ctx, IReadOnlyList<VolumeSnapshotLocation> locations, OutputFlags flags)
    {
        if (locations.Count == 0)
        {
            return Task.CompletedTask;
        }

        var table = new TableWriter(["NAME", "PROVIDER"]);
        foreach (var location in locations)
        {
            table.AddRow(ObjectLabels.Of(location.Metadata), flags, location.Metadata.Name, location.Spec.Provider ?? "");
        }

        return table.WriteAsync(ctx.Out, flags);
    }
}
