namespace Payment.Worker.Domain;

/// <summary>The one charge attempt per order; its key is what stops a second charge for the same order.</summary>
public sealed class Payment
{
    public Guid OrderId { get; set; }

    public decimal Amount { get; set; }

    public bool Succeeded { get; set; }

    public string? FailureReason { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}
