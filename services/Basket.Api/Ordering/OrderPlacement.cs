namespace Basket.Api.Ordering;

/// <summary>Ordering's answer: accepted with an order id, or rejected with its ProblemDetails passed through.</summary>
public sealed record OrderPlacement(string? OrderId, int StatusCode, string? ProblemJson)
{
    public bool Accepted => OrderId is not null;
}
