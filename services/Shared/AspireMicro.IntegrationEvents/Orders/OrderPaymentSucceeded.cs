namespace AspireMicro.IntegrationEvents.Orders;

/// <summary>Published by payment; ordering marks the order paid.</summary>
public sealed record OrderPaymentSucceeded(Guid OrderId, decimal Amount) : IntegrationEvent;
