using Basket.Api.Catalog;
using Basket.Api.Ordering;
using Basket.Api.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        // Checkout places orders as basket itself (client credentials): ordering accepts orders from nobody else.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(ServiceTokenClient.HttpClientName, http => http.BaseAddress = new Uri("http://identity"))
            .AddFailFastResilience();
        // RemoveAllResilienceHandlers is marked experimental (EXTEXP0001); it is the only way to take one named client
        // out of ConfigureHttpClientDefaults' standard handler. The package version is pinned centrally.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient(ServiceTokenClient.WarmUpHttpClientName, http =>
            {
                http.BaseAddress = new Uri("http://identity");
                http.Timeout = TimeSpan.FromSeconds(30);
            })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddSingleton<ServiceTokenClient>();
        builder.Services.AddHostedService<ServiceTokenWarmUp>();
        builder.Services.AddTransient<ServiceTokenClient.Handler>();
        builder.Services.AddHttpClient<OrderingClient>(http => http.BaseAddress = new Uri("http://ordering"))
            .AddHttpMessageHandler<ServiceTokenClient.Handler>()
            .AddFailFastResilience();
        builder.AddTokenValidation();
        return builder;
    }
}
