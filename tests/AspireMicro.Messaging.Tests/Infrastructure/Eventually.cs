namespace AspireMicro.Messaging.Tests.Infrastructure;

/// <summary>Polls an asynchronous condition; the system under test is eventually consistent by design.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(
        Func<Task<T>> probe,
        Func<T, bool> done,
        TimeSpan timeout,
        string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last = await probe();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}; last value: {last}");
            }

            await Task.Delay(100);
            last = await probe();
        }

        return last;
    }
}
