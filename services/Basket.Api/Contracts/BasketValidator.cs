using System.Text.RegularExpressions;
using Basket.Api.Configuration;

namespace Basket.Api.Contracts;

/// <summary>Shape checks that need no other service; catalog existence is checked afterwards.</summary>
public static partial class BasketValidator
{
    public static Dictionary<string, string[]> ValidateBuyerId(string buyerId)
    {
        var errors = new Dictionary<string, string[]>();
        if (!BuyerIdPattern().IsMatch(buyerId))
        {
            errors["buyerId"] = ["buyerId must be 1-64 letters, digits, '-' or '_'."];
        }

        return errors;
    }

    public static Dictionary<string, string[]> ValidateLines(IReadOnlyList<BasketLineRequest>? lines, BasketOptions options)
    {
        var errors = new Dictionary<string, string[]>();
        if (lines is null)
        {
            errors["items"] = ["items is required."];
            return errors;
        }

        if (lines.Count > options.MaxLines)
        {
            errors["items"] = [$"A basket holds at most {options.MaxLines} lines."];
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is null)
            {
                errors[$"items[{i}]"] = ["A line must not be null."];
                continue;
            }

            if (lines[i].ProductId <= 0)
            {
                errors[$"items[{i}].productId"] = ["productId must be a positive number."];
            }

            if (lines[i].Quantity < 1 || lines[i].Quantity > options.MaxQuantityPerLine)
            {
                errors[$"items[{i}].quantity"] = [$"quantity must be between 1 and {options.MaxQuantityPerLine}."];
            }
        }

        var duplicate = lines.Where(l => l is not null).GroupBy(l => l.ProductId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            errors["items"] = [$"productId {duplicate.Key} appears more than once; send one line per product."];
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex BuyerIdPattern();
}
