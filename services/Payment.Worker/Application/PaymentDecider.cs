using Microsoft.Extensions.Options;

namespace Payment.Worker.Application;

/// <summary>Stands in for a card processor: a limit rule first, then random declines at the configured rate.</summary>
public sealed class PaymentDecider(IOptionsMonitor<PaymentOptions> options)
{
    public PaymentDecision Decide(decimal amount)
    {
        var current = options.CurrentValue;
        if (amount > current.MaxApprovedAmount)
        {
            return PaymentDecision.Decline($"amount {amount} exceeds the limit of {current.MaxApprovedAmount}");
        }

        return Random.Shared.NextDouble() < current.FailureRate
            ? PaymentDecision.Decline("declined by the payment provider")
            : PaymentDecision.Approve();
    }
}
