using System.Text.Json;
using Basket.Api.Configuration;
using Basket.Api.Model;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Basket.Api.Storage;

/// <summary>Baskets as JSON strings under "basket:{buyerId}", each write resetting the configured TTL.</summary>
public sealed class BasketStore(RedisConnection redis, IOptions<BasketOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Key(string buyerId) => $"basket:{buyerId}";

    public async Task<CustomerBasket?> GetAsync(string buyerId)
    {
        var db = await redis.GetDatabaseAsync();
        var value = await db.StringGetAsync(Key(buyerId));
        return value.HasValue ? JsonSerializer.Deserialize<CustomerBasket>((string)value!, Json) : null;
    }

    public async Task<CustomerBasket> SaveAsync(string buyerId, IReadOnlyList<BasketItem> items)
    {
        var basket = new CustomerBasket(buyerId, items, Guid.NewGuid());
        var db = await redis.GetDatabaseAsync();
        await db.StringSetAsync(Key(buyerId), JsonSerializer.Serialize(basket, Json), options.Value.TimeToLive);
        return basket;
    }

    public async Task<bool> DeleteAsync(string buyerId)
    {
        var db = await redis.GetDatabaseAsync();
        return await db.KeyDeleteAsync(Key(buyerId));
    }

    /// <summary>
    /// Deletes the basket only if it is still the version that was checked out, so an item added while
    /// ordering was being called is not silently thrown away.
    /// </summary>
    public async Task<bool> DeleteIfVersionAsync(string buyerId, Guid version)
    {
        var db = await redis.GetDatabaseAsync();
        const string script = """
            local current = redis.call('GET', KEYS[1])
            if current and string.find(current, ARGV[1], 1, true) then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;
        var deleted = await db.ScriptEvaluateAsync(script, [Key(buyerId)], [$"\"version\":\"{version}\""]);
        return (long)deleted == 1;
    }

    /// <summary>Remembers which order a checkout key produced, so a retry after the basket was cleared gets the same answer.</summary>
    public async Task RememberCheckoutAsync(string buyerId, string idempotencyKey, string orderId)
    {
        var db = await redis.GetDatabaseAsync();
        await db.StringSetAsync(CheckoutKey(buyerId, idempotencyKey), orderId, options.Value.CheckoutMemory);
    }

    public async Task<string?> FindCheckoutAsync(string buyerId, string idempotencyKey)
    {
        var db = await redis.GetDatabaseAsync();
        var orderId = await db.StringGetAsync(CheckoutKey(buyerId, idempotencyKey));
        return orderId.HasValue ? orderId.ToString() : null;
    }

    private static string CheckoutKey(string buyerId, string idempotencyKey) => $"basket:{buyerId}:checkout:{idempotencyKey}";
}
