using System.ComponentModel.DataAnnotations;

namespace Payment.Worker.Application;

/// <summary>The simulated payment provider, bound from <c>Payment</c> and validated at start-up.</summary>
public sealed class PaymentOptions
{
    public const string SectionName = "Payment";

    /// <summary>Share of payments declined at random, 0..1 (demo chaos; 0 in tests).</summary>
    [Range(0.0, 1.0)]
    public double FailureRate { get; set; }

    /// <summary>Totals above this are always declined: the deterministic rule tests use to force a failure.</summary>
    [Range(typeof(decimal), "0", "1000000000")]
    public decimal MaxApprovedAmount { get; set; } = 10_000m;
}
