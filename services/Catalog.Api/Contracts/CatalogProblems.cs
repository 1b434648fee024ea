using Microsoft.AspNetCore.Mvc;

namespace Catalog.Api.Contracts;

public static class CatalogProblems
{
    public static ProblemDetails NotFound(int id) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Product not found",
        Detail = $"No catalog item has id {id}.",
    };
}
