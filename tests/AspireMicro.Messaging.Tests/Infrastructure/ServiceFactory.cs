using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AspireMicro.Messaging.Tests.Infrastructure;

/// <summary>
/// Runs one of our services in-process against the real PostgreSQL and RabbitMQ of the fixture,
/// configured only through settings, exactly like the AppHost configures it.
/// </summary>
public sealed class ServiceFactory<TEntryPoint>(IReadOnlyDictionary<string, string?> settings)
    : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureServices(TestTokens.Trust);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();

        // Idle pooled connections of a stopped service would otherwise linger for minutes and, test after
        // test, use up the server's max_connections.
        NpgsqlConnection.ClearAllPools();
    }
}
