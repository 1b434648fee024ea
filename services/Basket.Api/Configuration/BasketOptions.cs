using System.ComponentModel.DataAnnotations;

namespace Basket.Api.Configuration;

/// <summary>Bound from "Basket"; validated at start-up.</summary>
public sealed class BasketOptions : IValidatableObject
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

    /// <summary>
    /// One attempt at catalog or ordering. Basket sits behind the gateway's 5 s timeout, so its calls must give up
    /// well before that: a user waiting 5 s to be told "try later" is worse than an immediate 503.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:00:15")]
    public TimeSpan DownstreamAttemptTimeout { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>One call to catalog or ordering, retries included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan DownstreamTotalTimeout { get; set; } = TimeSpan.FromSeconds(2.5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The resilience pipeline would reject this only on the first call; say it at start-up instead.
        if (DownstreamTotalTimeout <= DownstreamAttemptTimeout)
        {
            yield return new ValidationResult(
                $"{nameof(DownstreamTotalTimeout)} ({DownstreamTotalTimeout}) must be longer than {nameof(DownstreamAttemptTimeout)} ({DownstreamAttemptTimeout}).",
                [nameof(DownstreamTotalTimeout)]);
        }
    }
}
