using AspireMicro.IntegrationEvents.Orders;

namespace Ordering.Api.Domain;

/// <summary>
/// Submitted → StockReserved → Paid, and → Cancelled from either non-final state. Paid is also allowed
/// straight from Submitted: ordering and payment both consume OrderStockReserved, so the payment result
/// can overtake it (for example while ordering retries), and it implies the stock was reserved.
/// </summary>
public static class OrderStateMachine
{
    public static bool CanMove(OrderStatus from, OrderStatus to) => (from, to) switch
    {
        (OrderStatus.Submitted, OrderStatus.StockReserved) => true,
        (OrderStatus.Submitted, OrderStatus.Paid) => true,
        (OrderStatus.StockReserved, OrderStatus.Paid) => true,
        (OrderStatus.Submitted, OrderStatus.Cancelled) => true,
        (OrderStatus.StockReserved, OrderStatus.Cancelled) => true,
        _ => false,
    };

    public static bool IsFinal(OrderStatus status) => status is OrderStatus.Paid or OrderStatus.Cancelled;
}
