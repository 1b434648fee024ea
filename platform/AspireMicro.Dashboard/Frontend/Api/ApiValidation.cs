using Microsoft.AspNetCore.Http.HttpResults;

namespace AspireMicro.Dashboard.Frontend.Api;

/// <summary>Collects per-field errors so bad query strings become a 400 naming the field.</summary>
public sealed class ApiValidation
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public ValidationProblem Problem() => TypedResults.ValidationProblem(_errors);

    public void Fail(string field, string message) => _errors[field] = [message];

    /// <summary>Parses an optional integer query value; query values are bound as text so parse errors can name the field.</summary>
    public int Int(string field, string? raw, int fallback, int min, int max)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return fallback;
        }

        if (!int.TryParse(raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            Fail(field, $"{field} must be an integer between {min} and {max}.");
            return fallback;
        }

        return value;
    }

    public bool Bool(string field, string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return false;
        }

        if (!bool.TryParse(raw, out var value))
        {
            Fail(field, $"{field} must be true or false.");
        }

        return value;
    }

    public void Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(field, $"{field} is required.");
        }
    }

    public void HexId(string field, string? value, int length)
    {
        if (value is not null && (value.Length != length || !value.All(char.IsAsciiHexDigitLower)))
        {
            Fail(field, $"{field} must be {length} lower-case hex characters.");
        }
    }
}
