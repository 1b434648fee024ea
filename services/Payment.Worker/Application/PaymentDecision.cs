namespace Payment.Worker.Application;

public sealed record PaymentDecision(bool Approved, string? Reason)
{
    public static PaymentDecision Approve() => new(true, null);

    public static PaymentDecision Decline(string reason) => new(false, reason);
}
