using System.Collections.Concurrent;
using System.Diagnostics;

namespace Velero.Integration.Tests.Support;

/// <summary>Records the spans the test process itself makes (its root span and MassTransit's publish span).</summary>
internal sealed class TraceCapture : IDisposable
{
    private const string SourceName = "Velero.Integration.Tests";

    public static readonly ActivitySource Source = new(SourceName);

    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public TraceCapture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MassTransit" or SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Stopped => [.. _stopped];

    public void Dispose() => _listener.Dispose();
}
