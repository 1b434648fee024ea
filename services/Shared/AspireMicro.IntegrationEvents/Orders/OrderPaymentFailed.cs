namespace AspireMicro.IntegrationEvents.Orders;

/// <summary>Published by payment; ordering cancels the order and catalog releases its stock.</summary>
public sealed record OrderPaymentFailed(Guid OrderId, string Reason) : IntegrationEvent;
