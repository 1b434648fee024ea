namespace AspireMicro.EventBus.Connection;

/// <summary>Exponential back-off with jitter, so replicas do not reconnect in lock-step.</summary>
internal static class Backoff
{
    public static TimeSpan For(int attempt, TimeSpan max)
    {
        var exponent = Math.Min(attempt, 10);
        var delay = TimeSpan.FromMilliseconds(100 * Math.Pow(2, exponent));
        var capped = delay < max ? delay : max;
        return capped * (0.8 + Random.Shared.NextDouble() * 0.4);
    }
}
