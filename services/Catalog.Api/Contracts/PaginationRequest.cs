namespace Catalog.Api.Contracts;

/// <summary>Paging input shared by list endpoints; bounds are checked before any query runs.</summary>
public sealed record PaginationRequest(int PageIndex = 0, int PageSize = PaginationRequest.DefaultPageSize)
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 100;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (PageIndex < 0)
        {
            errors["pageIndex"] = ["pageIndex must be 0 or greater."];
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }

        return errors;
    }
}
