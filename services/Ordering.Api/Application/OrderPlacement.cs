using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AspireMicro.EventBus.Outbox;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Ordering.Api.Api;
using Ordering.Api.Domain;
using Ordering.Api.Infrastructure;

namespace Ordering.Api.Application;

/// <summary>
/// Places an order exactly once per idempotency key. The order, its OrderSubmitted and its first
/// OrderStatusChanged are one SaveChanges, i.e. one transaction: there is never an order without events.
/// </summary>
public sealed class OrderPlacement(OrderingDbContext db, TimeProvider clock)
{
    private const string IdempotencyConstraint = "uq_orders_idempotency_key";

    public async Task<PlacementResult> PlaceAsync(
        string idempotencyKey,
        CreateOrderRequest request,
        CancellationToken cancellationToken)
    {
        var hash = Hash(request);
        var existing = await FindAsync(idempotencyKey, cancellationToken);
        if (existing is not null)
        {
            return Compare(existing, hash);
        }

        var now = clock.GetUtcNow();
        var order = new Order
        {
            Id = Guid.CreateVersion7(now),
            BuyerId = request.BuyerId!,
            IdempotencyKey = idempotencyKey,
            RequestHash = hash,
            CreatedAt = now,
            UpdatedAt = now,
            Items = [.. request.Items!.Select((item, index) => new OrderItem
            {
                LineNumber = index + 1,
                ProductId = item!.ProductId!.Value,
                ProductName = item.ProductName!,
                UnitPrice = item.UnitPrice!.Value,
                Quantity = item.Quantity!.Value,
            })],
        };
        order.Total = order.Items.Sum(i => i.UnitPrice * i.Quantity);

        db.Orders.Add(order);
        db.AddIntegrationEvent(OrderEvents.Submitted(order));
        db.AddIntegrationEvent(OrderEvents.StatusChanged(order));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new PlacementResult(order, PlacementKind.Created);
        }
        catch (DbUpdateException ex) when (IsIdempotencyConflict(ex))
        {
            // A concurrent retry with the same key committed first: answer as if we were that retry.
            db.ChangeTracker.Clear();
            existing = await FindAsync(idempotencyKey, cancellationToken)
                ?? throw new InvalidOperationException("Idempotency key conflict without a stored order.", ex);
            return Compare(existing, hash);
        }
    }

    private static bool IsIdempotencyConflict(DbUpdateException ex) =>
        ex.InnerException is PostgresException postgres
        && postgres.SqlState == PostgresErrorCodes.UniqueViolation
        && postgres.ConstraintName == IdempotencyConstraint;

    private Task<Order?> FindAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        db.Orders.AsNoTracking().Include(o => o.Items)
            .SingleOrDefaultAsync(o => o.IdempotencyKey == idempotencyKey, cancellationToken);

    private static PlacementResult Compare(Order existing, string hash) =>
        new(existing, existing.RequestHash == hash ? PlacementKind.Replayed : PlacementKind.KeyReusedWithDifferentBody);

    /// <summary>Hash of the parsed request (not the raw bytes) so whitespace or key order do not matter.</summary>
    private static string Hash(CreateOrderRequest request)
    {
        var canonical = JsonSerializer.Serialize(new
        {
            request.BuyerId,
            Items = request.Items!.Select(i => new { i!.ProductId, i.ProductName, i.UnitPrice, i.Quantity }),
        });
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
