using AspireMicro.IntegrationEvents.Orders;

namespace Analytics.Api.Projections;

/// <summary>Latest known state of one order inside the projection.</summary>
internal sealed record OrderSnapshot(
    OrderStatus Status,
    decimal Total,
    IReadOnlyList<OrderItemDto> Items,
    DateTimeOffset SubmittedAt);
