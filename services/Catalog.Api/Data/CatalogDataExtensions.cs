using Catalog.Api.Stock;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Data;

public static class CatalogDataExtensions
{
    public const string ConnectionName = "catalogdb";

    public static IHostApplicationBuilder AddCatalogData(this IHostApplicationBuilder builder)
    {
        // Resolved when the first context is created, so test hosts can override the connection string.
        builder.Services.AddDbContext<CatalogDbContext>((services, options) =>
            options
                .UseNpgsql(
                    services.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionName)
                        ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured."))
                .AddInterceptors(services.GetRequiredService<InvalidateCacheOnCommitInterceptor>()));
        builder.Services.AddHealthChecks().AddDbContextCheck<CatalogDbContext>("catalogdb");
        return builder;
    }
}
