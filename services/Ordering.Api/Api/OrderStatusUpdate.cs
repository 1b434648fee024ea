using AspireMicro.IntegrationEvents.Orders;

namespace Ordering.Api.Api;

/// <summary>Payload of one server-sent event on <c>GET /api/orders/{id}/events</c>.</summary>
public sealed record OrderStatusUpdate(Guid OrderId, OrderStatus Status, string? CancellationReason, DateTimeOffset UpdatedAt);
