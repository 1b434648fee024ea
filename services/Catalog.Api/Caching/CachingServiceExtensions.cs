using Polly;
using Polly.CircuitBreaker;

namespace Catalog.Api.Caching;

public static class CachingServiceExtensions
{
    public static IHostApplicationBuilder AddCatalogCache(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CatalogCacheOptions>()
            .BindConfiguration(CatalogCacheOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Redis is only a cache here: catalog stays healthy and reads from PostgreSQL while it is down or paused.
        builder.AddRedisConnection(healthCheck: false);
        builder.Services.AddSingleton<CatalogItemCache>();
        builder.Services.AddResiliencePipeline(CatalogItemCache.PipelineName, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CatalogCacheOptions>>().Value;
            pipeline
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    // Two failures in a row are enough evidence: a cache is optional, waiting on it is not.
                    FailureRatio = 0.5,
                    MinimumThroughput = 2,
                    SamplingDuration = TimeSpan.FromSeconds(10),
                    BreakDuration = options.BreakDuration,
                })
                .AddTimeout(options.OperationTimeout);
        });
        return builder;
    }
}
