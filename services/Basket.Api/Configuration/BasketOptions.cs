using System.ComponentModel.DataAnnotations;

namespace Basket.Api.Configuration;

/// <summary>Bound from "Basket"; validated at start-up.</summary>
public sealed class BasketOptions
{
    public const string SectionName = "Basket";

    /// <summary>Idle baskets expire; every write restarts the clock.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "90.00:00:00")]
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a checkout's order id is remembered for clients retrying with the same Idempotency-Key.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan CheckoutMemory { get; set; } = TimeSpan.FromDays(1);

    [Range(1, 200)]
    public int MaxLines { get; set; } = 50;

    [Range(1, 10_000)]
    public int MaxQuantityPerLine { get; set; } = 100;
}
