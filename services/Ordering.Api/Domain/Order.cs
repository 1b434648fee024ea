using AspireMicro.IntegrationEvents.Orders;

namespace Ordering.Api.Domain;

/// <summary>
/// An order and its life cycle. State only moves forward through <see cref="TryTransitionTo"/>; events
/// that arrive late, twice or out of order are refused there, which makes their handlers idempotent.
/// </summary>
public sealed class Order
{
    public Guid Id { get; set; }

    public required string BuyerId { get; set; }

    public OrderStatus Status { get; private set; } = OrderStatus.Submitted;

    public decimal Total { get; set; }

    public string? CancellationReason { get; private set; }

    /// <summary>Client-chosen key that makes retried POSTs create one order.</summary>
    public required string IdempotencyKey { get; set; }

    /// <summary>Hash of the request that created the order, to spot a key reused with another body.</summary>
    public required string RequestHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<OrderItem> Items { get; set; } = [];

    public bool TryTransitionTo(OrderStatus target, string? reason, DateTimeOffset now)
    {
        if (!OrderStateMachine.CanMove(Status, target))
        {
            return false;
        }

        Status = target;
        UpdatedAt = now;
        if (target == OrderStatus.Cancelled)
        {
            CancellationReason = reason;
        }

        return true;
    }
}
