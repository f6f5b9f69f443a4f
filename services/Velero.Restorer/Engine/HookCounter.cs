namespace Velero.Restorer.Engine;

/// <summary>Restore hooks attempted and failed, for <c>status.hookStatus</c>. Thread-safe.</summary>
public sealed class HookCounter
{
    private int _attempted;
    private int _failed;

    public int Attempted => Volatile.Read(ref _attempted);

    public int Failed => Volatile.Read(ref _failed);

    public void Record(bool failed)
    {
        Interlocked.Increment(ref _attempted);
        if (failed)
        {
            Interlocked.Increment(ref _failed);
        }
    }
}
