namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The one rule for the <c>Idempotency-Key</c> request header, shared by every service that accepts it (basket's
/// checkout, ordering's order creation), so a key one accepts is never refused by the next hop.
/// </summary>
public static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>Long enough for a UUID with a prefix, short enough to index and to log.</summary>
    public const int MaxLength = 128;

    public static string Rule => $"1-{MaxLength} visible ASCII characters";

    /// <summary>Whether <paramref name="value"/> is a usable key: 1 to <see cref="MaxLength"/> visible ASCII characters.</summary>
    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => c is > ' ' and <= '~');

    /// <summary>The header's value as sent (empty when absent).</summary>
    public static string Read(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers[HeaderName].ToString();
    }
}
