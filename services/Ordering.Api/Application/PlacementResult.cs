using Ordering.Api.Domain;

namespace Ordering.Api.Application;

/// <summary>
/// Outcome of a POST: a new order, the order an earlier request with the same key created (a retry), or
/// a conflict because that key was used for a different body.
/// </summary>
public sealed record PlacementResult(Order Order, PlacementKind Kind);

public enum PlacementKind
{
    Created,
    Replayed,
    KeyReusedWithDifferentBody,
}
