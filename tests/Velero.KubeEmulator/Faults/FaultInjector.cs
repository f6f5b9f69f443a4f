namespace Velero.KubeEmulator.Faults;

internal sealed class FaultInjector : IFaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private readonly Random _random = new();
    private long _latencyTicks;
    private int _count;

    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    public void Add(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add(rule);
            _count = _rules.Count;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _count = 0;
            _latencyTicks = 0;
        }
    }

    public IReadOnlyList<FaultRule> Rules
    {
        get { lock (_gate) { return [.. _rules]; } }
    }

    /// <summary>The fault for this request, if any rule fires.</summary>
    public FaultRule? Pick(string verb, string path, bool isResource)
    {
        if (Volatile.Read(ref _count) == 0)
        {
            return null;
        }

        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                var pathOk = rule.PathContains is null ? isResource : path.Contains(rule.PathContains, StringComparison.Ordinal);
                if (pathOk && (rule.Verb is null || rule.Verb == verb) && _random.NextDouble() < rule.Share)
                {
                    return rule;
                }
            }

            return null;
        }
    }
}
