namespace Velero.Testing;

/// <summary>Polls a condition until it holds or a deadline passes; the failure names what was awaited.</summary>
public static class Eventually
{
    public static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"{what} within {timeout}");
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(250));
        }
    }
}
