using Catalog.Api.Caching;
using Catalog.Api.Contracts;
using Catalog.Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Endpoints;

public static class CatalogEndpoints
{
    public const int MaxIdsPerLookup = 100;

    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalog").WithTags("Catalog");
        api.MapGet("/items", ListItems);
        api.MapGet("/items/by-ids", GetItemsByIds);
        api.MapGet("/items/{id:int}", GetItem);
        // Reading is public; changing the catalog (prices, stock) needs an admin's token.
        api.MapPut("/items/{id:int}", UpdateItem).RequireAuthorization(TokenValidationExtensions.AdminPolicy);
        return app;
    }

    private static async Task<Results<Ok<PaginatedItems<CatalogItemDto>>, ValidationProblem>> ListItems(
        CatalogDbContext db, CancellationToken cancellationToken, int pageIndex = 0, int pageSize = PaginationRequest.DefaultPageSize, string? q = null)
    {
        var paging = new PaginationRequest(pageIndex, pageSize);
        var errors = paging.Validate();
        if (q is { Length: > 100 })
        {
            errors["q"] = ["q must be at most 100 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Items.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            // ILIKE with the user's text escaped, so '%' or '_' in a search mean themselves.
            var pattern = $"%{EscapeLike(q.Trim())}%";
            query = query.Where(i => EF.Functions.ILike(i.Name, pattern, "\\") || EF.Functions.ILike(i.Brand, pattern, "\\"));
        }

        var count = await query.LongCountAsync(cancellationToken);
        var page = await query
            .OrderBy(i => i.Id)
            .Skip(paging.PageIndex * paging.PageSize)
            .Take(paging.PageSize)
            .Select(i => new CatalogItemDto(i.Id, i.Name, i.Description, i.Brand, i.Category, i.Price, i.AvailableStock))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PaginatedItems<CatalogItemDto>(paging.PageIndex, paging.PageSize, count, page));
    }

    private static async Task<Results<Ok<IReadOnlyList<CatalogItemDto>>, ValidationProblem>> GetItemsByIds(
        CatalogDbContext db, int[] ids, CancellationToken cancellationToken)
    {
        if (ids.Length is 0 or > MaxIdsPerLookup)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["ids"] = [$"Provide between 1 and {MaxIdsPerLookup} ids."],
            });
        }

        var items = await db.Items.AsNoTracking()
            .Where(i => ids.Contains(i.Id))
            .OrderBy(i => i.Id)
            .Select(i => new CatalogItemDto(i.Id, i.Name, i.Description, i.Brand, i.Category, i.Price, i.AvailableStock))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CatalogItemDto>>(items);
    }

    private static async Task<Results<Ok<CatalogItemDto>, ProblemHttpResult>> GetItem(
        int id, CatalogDbContext db, CatalogItemCache cache, HttpContext http, CancellationToken cancellationToken)
    {
        var (item, outcome, bypassReason) = await cache.GetOrLoadAsync(
            id,
            async token => await db.Items.AsNoTracking()
                .Where(i => i.Id == id)
                .Select(i => new CatalogItemDto(i.Id, i.Name, i.Description, i.Brand, i.Category, i.Price, i.AvailableStock))
                .SingleOrDefaultAsync(token),
            cancellationToken);
        http.Response.Headers["X-Cache"] = outcome.ToString().ToLowerInvariant();
        if (bypassReason != CacheBypassReason.None)
        {
            http.Response.Headers["X-Cache-Bypass"] = bypassReason.ToString();
        }
        return item is null ? TypedResults.Problem(CatalogProblems.NotFound(id)) : TypedResults.Ok(item);
    }

    private static async Task<Results<Ok<CatalogItemDto>, ProblemHttpResult, ValidationProblem>> UpdateItem(
        int id, UpdateCatalogItemRequest request, CatalogDbContext db, CatalogItemCache cache, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var item = await db.Items.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return TypedResults.Problem(CatalogProblems.NotFound(id));
        }

        item.Price = request.Price ?? item.Price;
        item.AvailableStock = request.AvailableStock ?? item.AvailableStock;
        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync([id], cancellationToken);
        return TypedResults.Ok(CatalogItemDto.From(item));
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
