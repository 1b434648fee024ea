namespace Ordering.Api.Api;

/// <summary>Field-level checks; the keys are the JSON paths the client sent, e.g. <c>items[1].quantity</c>.</summary>
public static class CreateOrderValidator
{
    public const int MaxItems = 100;
    public const int MaxQuantity = 1_000;
    public const int MaxTextLength = 200;

    public static Dictionary<string, string[]> Validate(CreateOrderRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.BuyerId))
        {
            errors["buyerId"] = ["buyerId is required."];
        }
        else if (request.BuyerId.Length > MaxTextLength)
        {
            errors["buyerId"] = [$"buyerId must be at most {MaxTextLength} characters."];
        }

        if (request.Items is null || request.Items.Count == 0)
        {
            errors["items"] = ["items must contain at least one item."];
            return errors;
        }

        if (request.Items.Count > MaxItems)
        {
            errors["items"] = [$"items must contain at most {MaxItems} items."];
        }

        for (var i = 0; i < request.Items.Count; i++)
        {
            ValidateItem(request.Items[i], $"items[{i}]", errors);
        }

        return errors;
    }

    private static void ValidateItem(CreateOrderItemRequest? item, string path, Dictionary<string, string[]> errors)
    {
        if (item is null)
        {
            errors[path] = ["item is required."];
            return;
        }

        if (item.ProductId is null or <= 0)
        {
            errors[$"{path}.productId"] = ["productId must be a positive integer."];
        }

        if (string.IsNullOrWhiteSpace(item.ProductName) || item.ProductName.Length > MaxTextLength)
        {
            errors[$"{path}.productName"] = [$"productName is required (at most {MaxTextLength} characters)."];
        }

        if (item.UnitPrice is null or < 0 || (item.UnitPrice is { } price && decimal.Round(price, 2) != price))
        {
            errors[$"{path}.unitPrice"] = ["unitPrice must be zero or more, with at most 2 decimals."];
        }

        if (item.Quantity is null or <= 0 or > MaxQuantity)
        {
            errors[$"{path}.quantity"] = [$"quantity must be between 1 and {MaxQuantity}."];
        }
    }
}
