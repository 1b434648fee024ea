using System.ComponentModel.DataAnnotations;

namespace Gateway.Configuration;

/// <summary>Bound from "Gateway"; validated at start-up so a typo fails fast instead of proxying with odd limits.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Largest request body accepted (413 above it). Default 1 MiB: API payloads here are small JSON.</summary>
    [Range(1, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a backend may stay silent before the request fails with 503 (YARP's default is 100 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan ActivityTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Server-sent event streams are quiet between events, so they get a longer allowance.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StreamingActivityTimeout { get; set; } = TimeSpan.FromMinutes(10);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Active probe of each replica's /alive, so a dead replica leaves the rotation within one interval.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan HealthProbeInterval { get; set; } = TimeSpan.FromSeconds(5);

    [Required]
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Logical service name → the path prefix it owns. Destinations come from services__{name}__http__N.</summary>
    [Required]
    public Dictionary<string, string> Routes { get; set; } = new()
    {
        ["catalog"] = "/api/catalog",
        ["basket"] = "/api/basket",
        ["ordering"] = "/api/orders",
        ["analytics"] = "/api/analytics",
    };
}
