using AspireMicro.IntegrationEvents.Orders;

namespace AspireMicro.Messaging.Tests.Analytics;

/// <summary>A batch of order life cycles as OrderStatusChanged events, with the figures they should produce.</summary>
public sealed record OrderHistory(IReadOnlyList<OrderStatusChanged> Events, int Orders, int Paid, int Cancelled, decimal PaidRevenue)
{
    public static OrderHistory Create(int orders, int paidEvery, int cancelledEvery)
    {
        var events = new List<OrderStatusChanged>();
        int paid = 0, cancelled = 0;
        var revenue = 0m;
        for (var i = 1; i <= orders; i++)
        {
            var orderId = Guid.NewGuid();
            var total = 10m * i + 0.25m;
            IReadOnlyList<OrderItemDto> items = [new OrderItemDto(900 + i % 3, $"Product {900 + i % 3}", 1, total)];
            events.Add(new OrderStatusChanged(orderId, "buyer-analytics", OrderStatus.Submitted, total, items));
            if (paidEvery > 0 && i % paidEvery == 0)
            {
                events.Add(new OrderStatusChanged(orderId, "buyer-analytics", OrderStatus.StockReserved, total, items));
                events.Add(new OrderStatusChanged(orderId, "buyer-analytics", OrderStatus.Paid, total, items));
                paid++;
                revenue += total;
            }
            else if (cancelledEvery > 0 && i % cancelledEvery == 0)
            {
                events.Add(new OrderStatusChanged(orderId, "buyer-analytics", OrderStatus.Cancelled, total, items));
                cancelled++;
            }
        }

        return new OrderHistory(events, orders, paid, cancelled, revenue);
    }
}
