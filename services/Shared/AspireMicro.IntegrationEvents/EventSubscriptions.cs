using AspireMicro.IntegrationEvents.Orders;

namespace AspireMicro.IntegrationEvents;

/// <summary>
/// Which service queue receives which events (docs/contracts.md). Every publisher declares all of these
/// queues before its first publish, so an event sent before a consumer has ever started is kept for it
/// instead of being dropped by an exchange with no binding yet.
/// </summary>
public static class EventSubscriptions
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ByService { get; } =
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["catalog"] = [nameof(OrderSubmitted), nameof(OrderPaymentFailed)],
            ["ordering"] =
            [
                nameof(OrderStockReserved),
                nameof(OrderStockRejected),
                nameof(OrderPaymentSucceeded),
                nameof(OrderPaymentFailed),
            ],
            ["payment"] = [nameof(OrderStockReserved)],
        };
}
