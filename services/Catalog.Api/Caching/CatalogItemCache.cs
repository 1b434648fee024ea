using System.Text.Json;
using Catalog.Api.Contracts;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;

namespace Catalog.Api.Caching;

/// <summary>
/// Cache-aside for single products. Every Redis call runs through the "redis" pipeline (timeout inside a
/// circuit breaker): a paused or dead Redis costs at most one short timeout per call until the circuit
/// opens, after which reads go straight to Postgres without waiting at all.
/// </summary>
public sealed class CatalogItemCache(
    RedisConnection redis,
    ResiliencePipelineProvider<string> pipelines,
    IOptions<CatalogCacheOptions> options,
    ILogger<CatalogItemCache> logger)
{
    public const string PipelineName = "redis";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ResiliencePipeline _pipeline = pipelines.GetPipeline(PipelineName);

    public static string Key(int id) => $"catalog:item:{id}";

    public async Task<(CatalogItemDto? Item, CacheOutcome Outcome, CacheBypassReason BypassReason)> GetOrLoadAsync(
        int id, Func<CancellationToken, Task<CatalogItemDto?>> load, CancellationToken cancellationToken)
    {
        var cached = await TryRedisAsync(async (db, _) => await db.StringGetAsync(Key(id)), cancellationToken);
        if (cached.Succeeded && cached.Value.HasValue)
        {
            return (JsonSerializer.Deserialize<CatalogItemDto>((string)cached.Value!, Json), CacheOutcome.Hit, CacheBypassReason.None);
        }

        var item = await load(cancellationToken);
        if (item is not null && cached.Succeeded)
        {
            var payload = JsonSerializer.Serialize(item, Json);
            await TryRedisAsync(
                async (db, _) => await db.StringSetAsync(Key(id), payload, options.Value.TimeToLive), cancellationToken);
        }

        return (item, cached.Succeeded ? CacheOutcome.Miss : CacheOutcome.Bypass, cached.BypassReason);
    }

    /// <summary>Drops cached copies after a write. If Redis is unreachable the TTL bounds how stale a copy can get.</summary>
    public async Task InvalidateAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var keys = ids.Select(id => (StackExchange.Redis.RedisKey)Key(id)).ToArray();
        if (keys.Length > 0)
        {
            await TryRedisAsync(async (db, _) => await db.KeyDeleteAsync(keys), cancellationToken);
        }
    }

    private async Task<(bool Succeeded, T Value, CacheBypassReason BypassReason)> TryRedisAsync<T>(
        Func<StackExchange.Redis.IDatabase, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            var value = await _pipeline.ExecuteAsync(
                async token =>
                {
                    var db = await redis.GetDatabaseAsync().WaitAsync(token);
                    // StackExchange.Redis ignores cancellation, so WaitAsync is what lets the timeout actually abandon the call.
                    return await operation(db, token).WaitAsync(token);
                },
                cancellationToken);
            return (true, value, CacheBypassReason.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = ex switch
            {
                Polly.CircuitBreaker.BrokenCircuitException => CacheBypassReason.CircuitOpen,
                Polly.Timeout.TimeoutRejectedException => CacheBypassReason.Timeout,
                _ => CacheBypassReason.Error,
            };
            if (reason != CacheBypassReason.CircuitOpen)
            {
                // While the circuit is open every read lands here; one warning per failed attempt is enough.
                logger.LogWarning("Redis unavailable ({Reason}); serving from the database", ex.GetType().Name);
            }

            return (false, default!, reason);
        }
    }
}
