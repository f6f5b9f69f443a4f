using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Velero.Snapshotter;

/// <summary>The snapshotter's own spans and instruments (picked up by the shared <c>Velero.*</c> registration).</summary>
internal static class SnapshotterTelemetry
{
    public const string Name = "Velero.Snapshotter";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> ItemsBackedUp =
        Meter.CreateCounter<long>("velero.snapshotter.items", description: "Items written into backup tarballs");
}
