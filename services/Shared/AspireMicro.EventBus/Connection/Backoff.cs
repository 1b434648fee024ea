namespace AspireMicro.EventBus.Connection;

/// <summary>Exponential back-off with jitter, so replicas do not reconnect in lock-step.</summary>
internal static class Backoff
{
    // Starts short and grows gently: services may start before their broker has finished booting (the AppHost does
    // not hold them back), and a refused connection costs next to nothing, so the first retries come every few
    // hundred milliseconds; the total patience before the cap (about 10 s to reach 3 s) stays what callers expect.
    private const double FirstDelayMs = 200;
    private const double Growth = 1.3;

    public static TimeSpan For(int attempt, TimeSpan max)
    {
        var exponent = Math.Min(attempt, 30);
        var delay = TimeSpan.FromMilliseconds(FirstDelayMs * Math.Pow(Growth, exponent));
        var capped = delay < max ? delay : max;
        return capped * (0.8 + Random.Shared.NextDouble() * 0.4);
    }
}
