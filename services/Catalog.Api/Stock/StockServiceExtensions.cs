using AspireMicro.EventBus.Configuration;
using AspireMicro.IntegrationEvents.Orders;
using Catalog.Api.Data;

namespace Catalog.Api.Stock;

public static class StockServiceExtensions
{
    /// <summary>Stock reservation over the EventBus: replicas compete on the one "catalog.events" queue.</summary>
    public static IHostApplicationBuilder AddStockReservations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ChangedProducts>();
        builder.Services.AddScoped<InvalidateCacheOnCommitInterceptor>();
        builder.AddEventBus("catalog")
            .AddSchema<CatalogDbContext>()
            .AddOutboxRelay<CatalogDbContext>()
            .AddConsumer<CatalogDbContext>()
            .AddHandler<OrderSubmitted, OrderSubmittedHandler>()
            .AddHandler<OrderPaymentFailed, OrderPaymentFailedHandler>();
        return builder;
    }
}
