using System.Text.Json.Serialization;
using AspireMicro.EventBus.Configuration;
using AspireMicro.EventBus.Persistence;
using AspireMicro.IntegrationEvents.Orders;
using Microsoft.EntityFrameworkCore;
using Ordering.Api.Application;
using Ordering.Api.Infrastructure;
using Ordering.Api.IntegrationEvents;

namespace Ordering.Api.Extensions;

public static class OrderingServiceExtensions
{
    public const string DatabaseConnectionName = "orderingdb";

    public static IHostApplicationBuilder AddOrdering(this IHostApplicationBuilder builder)
    {
        // Fail at start-up, naming the setting, rather than on the first request.
        var connectionString = builder.Configuration.GetConnectionString(DatabaseConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"ConnectionStrings:{DatabaseConnectionName} is not configured.");
        }

        builder.Services.AddProblemDetails();
        // A database outage is a fast 503, not a 500 (see ServiceDefaults).
        builder.Services.AddExceptionHandler<DependencyUnavailableExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDbContext<OrderingDbContext>(options => options.UseNpgsql(connectionString));
        // /health is readiness: Unhealthy while the database is unreachable, so the host shows the outage.
        builder.Services.AddHealthChecks().AddDbContextCheck<OrderingDbContext>(DatabaseConnectionName);
        builder.Services.AddScoped<OrderPlacement>();
        builder.Services.AddScoped<OrderTransitions>();

        builder.AddEventBus("ordering")
            .AddSchema<OrderingDbContext>(OrderingSchema.Sql)
            .AddOutboxRelay<OrderingDbContext>()
            .AddConsumer<OrderingDbContext>()
            .AddHandler<OrderStockReserved, OrderStockReservedHandler>()
            .AddHandler<OrderStockRejected, OrderStockRejectedHandler>()
            .AddHandler<OrderPaymentSucceeded, OrderPaymentSucceededHandler>()
            .AddHandler<OrderPaymentFailed, OrderPaymentFailedHandler>();

        return builder;
    }
}
