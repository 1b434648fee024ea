namespace Catalog.Api.Model;

/// <summary>
/// Stock held for an order line. Kept so that a later OrderPaymentFailed (which carries no items)
/// can give back exactly what was taken, once.
/// </summary>
public sealed class StockReservation
{
    public Guid OrderId { get; set; }
    public int ProductId { get; set; }
    public int Quantity { get; set; }
    public DateTimeOffset ReservedAt { get; set; }
    public DateTimeOffset? ReleasedAt { get; set; }
}
