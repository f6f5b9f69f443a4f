namespace Velero.Benchmarks;

/// <summary>
/// The process's peak resident set (<c>VmHWM</c>), reset before a measured phase by writing 5 to
/// <c>/proc/self/clear_refs</c>, so seeding and earlier runs do not count.
/// </summary>
internal static class PeakMemory
{
    public static void Reset()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        File.WriteAllText("/proc/self/clear_refs", "5");
    }

    public static long PeakBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("VmHWM is missing from /proc/self/status");
    }
}
