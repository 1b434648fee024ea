namespace Ordering.Api.Domain;

/// <summary>One line of an order; prices are copied at checkout so later catalog changes do not alter it.</summary>
public sealed class OrderItem
{
    public Guid OrderId { get; set; }

    public int LineNumber { get; set; }

    public int ProductId { get; set; }

    public required string ProductName { get; set; }

    public decimal UnitPrice { get; set; }

    public int Quantity { get; set; }
}
