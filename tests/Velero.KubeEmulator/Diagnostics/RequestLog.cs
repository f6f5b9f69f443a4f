using System.Collections.Concurrent;

namespace Velero.KubeEmulator.Diagnostics;

/// <summary>Keeps the last 10,000 requests (bounded so a benchmark does not grow it without end).</summary>
internal sealed class RequestLog : IRequestLog
{
    private const int Capacity = 10_000;
    private readonly ConcurrentQueue<RequestRecord> _entries = new();
    private readonly ConcurrentDictionary<string, long> _counters = new(StringComparer.Ordinal);

    public void Add(RequestRecord record)
    {
        _entries.Enqueue(record);
        while (_entries.Count > Capacity && _entries.TryDequeue(out _))
        {
        }

        _counters.AddOrUpdate(record.Verb, 1, (_, n) => n + 1);
    }

    public IReadOnlyList<RequestRecord> Entries => [.. _entries];

    public long Count(string verb) => _counters.GetValueOrDefault(verb);

    public IReadOnlyDictionary<string, long> Counters => new Dictionary<string, long>(_counters);

    public void Clear()
    {
        _entries.Clear();
        _counters.Clear();
    }
}
