namespace Catalog.Api.Contracts;

/// <summary>The one paging envelope every list endpoint returns.</summary>
public sealed record PaginatedItems<T>(int PageIndex, int PageSize, long Count, IReadOnlyList<T> Data);
