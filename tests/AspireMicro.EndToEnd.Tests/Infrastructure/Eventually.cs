namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>Bounded polling for state that other processes change; fails with what it was waiting for.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        using var cts = new CancellationTokenSource(timeout);
        var last = default(T);
        Exception? lastError = null;
        while (!cts.IsCancellationRequested)
        {
            try
            {
                last = await probe();
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Npgsql.NpgsqlException or IOException)
            {
                // The system is being disturbed on purpose; keep asking until the deadline.
                lastError = ex;
            }

            await Task.Delay(200, CancellationToken.None);
        }

        throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}; last value: {last}; last error: {lastError?.Message}");
    }
}
