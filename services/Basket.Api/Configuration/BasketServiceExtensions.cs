using Basket.Api.Catalog;
using Basket.Api.Ordering;
using Basket.Api.Storage;
using StackExchange.Redis;

namespace Basket.Api.Configuration;

public static class BasketServiceExtensions
{
    public static IHostApplicationBuilder AddBasketServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BasketOptions>()
            .BindConfiguration(BasketOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Basket is useless without Redis, so /health follows Aspire's Redis check.
        builder.AddRedisConnection(healthCheck: true);
        builder.Services.AddSingleton<BasketStore>();
        // Redis, catalog or ordering being down is a 503 the client may retry, not a 500.
        builder.Services.AddDependencyFailure<DependencyUnavailableException>(e => e.Dependency)
            .AddDependencyFailure<RedisException>("redis")
            .AddDependencyFailure<RedisTimeoutException>("redis");

        // Logical names: service discovery maps them to services__catalog__http__N etc.
        builder.Services.AddHttpClient<CatalogClient>(http => http.BaseAddress = new Uri("http://catalog"))
            .AddFailFastResilience();
        builder.Services.AddHttpClient<OrderingClient>(http => http.BaseAddress = new Uri("http://ordering"))
            .AddFailFastResilience();
        return builder;
    }
}
