namespace AspireMicro.IntegrationEvents.Orders;

/// <summary>
/// The order life cycle: Submitted → StockReserved → Paid, or → Cancelled from either of the first two.
/// Travels as its name (string) in JSON so consumers in other languages can read it.
/// </summary>
public enum OrderStatus
{
    Submitted,
    StockReserved,
    Paid,
    Cancelled,
}
