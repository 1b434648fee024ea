using Catalog.Api.Stock;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Data;

public static class CatalogDataExtensions
{
    public const string ConnectionName = "catalogdb";

    public static IHostApplicationBuilder AddCatalogData(this IHostApplicationBuilder builder)
    {
        // Registered by hand, not with AddNpgsqlDbContext: the cache-invalidation interceptor is scoped (it collects
        // the products a unit of work changed), which rules out the integration's context pooling. The connection
        // string is resolved when the first context is created, so test hosts can override it.
        builder.Services.AddDbContext<CatalogDbContext>((services, options) =>
            options
                .UseNpgsql(
                    services.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionName)
                        ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured."))
                .AddInterceptors(services.GetRequiredService<InvalidateCacheOnCommitInterceptor>()));
        // Aspire adds its health check (catalog's /health follows the database), Npgsql tracing and metrics. No EF
        // retries: the outbox and inbox open their own transactions, which a retrying execution strategy refuses, and
        // a read during an outage must be a fast 503.
        builder.EnrichNpgsqlDbContext<CatalogDbContext>(settings => settings.DisableRetry = true);
        return builder;
    }
}
