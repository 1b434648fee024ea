using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using AspireMicro.IntegrationEvents.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ordering.Api.Application;
using Ordering.Api.Domain;
using Ordering.Api.Infrastructure;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Ordering.Api.Api;

public static class OrderEndpoints
{
    public const string IdempotencyKeyHeader = IdempotencyKey.HeaderName;
    private static readonly TimeSpan StatusPollInterval = TimeSpan.FromMilliseconds(250);

    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").WithTags("Orders");
        // Only basket's checkout creates orders (a service token with orders:create; the buyer is in the body, which
        // basket took from the buyer's own token). People read only their own orders: the buyer is the token's sub.
        // Basket's checkout only (client credentials); the gateway does not route it, so the public document leaves it out.
        orders.MapPost("/", CreateAsync).RequireAuthorization(TokenValidationExtensions.OrdersCreatePolicy).ExcludeFromDescription();
        orders.MapGet("/", ListAsync).RequireAuthorization(TokenValidationExtensions.BuyerPolicy);
        orders.MapGet("/{id:guid}", GetAsync).RequireAuthorization(TokenValidationExtensions.BuyerPolicy);
        orders.MapGet("/{id:guid}/events", StreamStatusAsync).RequireAuthorization(TokenValidationExtensions.BuyerPolicy);
        return app;
    }

    private static async Task<Results<Created<OrderResponse>, Ok<OrderResponse>, ValidationProblem, ProblemHttpResult>>
        CreateAsync(HttpRequest request, OrderPlacement placement, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var key = IdempotencyKey.Read(request);
        if (!IdempotencyKey.IsValid(key))
        {
            return Invalid(IdempotencyKeyHeader, $"The {IdempotencyKeyHeader} header is required: {IdempotencyKey.Rule}.");
        }

        if (!request.HasJsonContentType())
        {
            return Invalid("body", "The body must be JSON (Content-Type: application/json).");
        }

        CreateOrderRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<CreateOrderRequest>(json.Value.SerializerOptions, ct);
        }
        catch (JsonException ex) when (ex.InnerException is JsonException)
        {
            // The reader's own exception inside means broken syntax, not a bad value in one field.
            return Invalid("body", "The body is not well-formed JSON.");
        }
        catch (JsonException ex)
        {
            // Path is like "$.items[0].quantity": report it without the "$." so it names the field.
            var field = ex.Path is null or "$" ? "body" : ex.Path.TrimStart('$', '.');
            return Invalid(field, $"Wrong type or value at '{ex.Path ?? "$"}'.");
        }

        if (body is null)
        {
            return Invalid("body", "A JSON object is required.");
        }

        var errors = CreateOrderValidator.Validate(body);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await placement.PlaceAsync(key, body, ct);
        var response = OrderResponse.From(result.Order);
        return result.Kind switch
        {
            PlacementKind.Created => TypedResults.Created($"/api/orders/{response.Id}", response),
            PlacementKind.Replayed => TypedResults.Ok(response),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency key reused",
                detail: $"The {IdempotencyKeyHeader} was already used for a different request body.",
                extensions: new Dictionary<string, object?> { ["field"] = IdempotencyKeyHeader }),
        };
    }

    /// <summary>Another buyer's order is "not found", exactly like one that does not exist: ids are not confirmed.</summary>
    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, OrderingDbContext db, CancellationToken ct)
    {
        var buyerId = user.BuyerId();
        var order = await db.Orders.AsNoTracking().Include(o => o.Items).SingleOrDefaultAsync(o => o.Id == id && o.BuyerId == buyerId, ct);
        return order is null ? NotFound(id) : TypedResults.Ok(OrderResponse.From(order));
    }

    /// <summary>The caller's own orders, newest first (a <c>buyerId</c> in the query is ignored).</summary>
    private static async Task<Ok<List<OrderResponse>>> ListAsync(ClaimsPrincipal user, OrderingDbContext db, CancellationToken ct)
    {
        var buyerId = user.BuyerId();
        var orders = await db.Orders.AsNoTracking().Include(o => o.Items)
            .Where(o => o.BuyerId == buyerId)
            .OrderByDescending(o => o.CreatedAt)
            .Take(100)
            .ToListAsync(ct);
        return TypedResults.Ok(orders.Select(OrderResponse.From).ToList());
    }

    /// <summary>
    /// Server-sent events with the order's status: the current one at once, then every change, ending
    /// after a final state. It polls the database because the transition may happen on another replica.
    /// </summary>
    private static async Task<Results<ServerSentEventsResult<OrderStatusUpdate>, ProblemHttpResult>> StreamStatusAsync(
        Guid id, ClaimsPrincipal user, OrderingDbContext db, CancellationToken ct)
    {
        var buyerId = user.BuyerId();
        var exists = await db.Orders.AnyAsync(o => o.Id == id && o.BuyerId == buyerId, ct);
        return exists
            ? TypedResults.ServerSentEvents(WatchAsync(id, db, ct), eventType: "status")
            : NotFound(id);
    }

    private static async IAsyncEnumerable<OrderStatusUpdate> WatchAsync(
        Guid id, OrderingDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        OrderStatus? last = null;
        while (!ct.IsCancellationRequested)
        {
            var update = await db.Orders.AsNoTracking()
                .Where(o => o.Id == id)
                .Select(o => new OrderStatusUpdate(o.Id, o.Status, o.CancellationReason, o.UpdatedAt))
                .SingleAsync(ct);
            if (update.Status != last)
            {
                last = update.Status;
                yield return update;
            }

            if (OrderStateMachine.IsFinal(update.Status))
            {
                yield break;
            }

            await Task.Delay(StatusPollInterval, ct);
        }
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Order not found",
            detail: $"No order with id {id}.");
}
