using System.ComponentModel.DataAnnotations;

namespace Gateway.Configuration;

/// <summary>Fixed window per client (API key if sent, else IP). Generous by default; tests lower it on purpose.</summary>
public sealed class RateLimitOptions
{
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 1000;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);
}
