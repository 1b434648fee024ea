using Microsoft.Extensions.Configuration.Memory;

namespace AspireMicro.Dashboard.Configuration;

public static class DashboardDefaults
{
    /// <summary>
    /// Defaults that must hold wherever the dashboard is started from (the AppHost runs the dll from another
    /// working directory, so appsettings.json would not be found). Inserted first so any real setting wins.
    /// Per-request hosting logs are silenced: at thousands of OTLP requests per second they cost more than ingestion.
    /// </summary>
    public static WebApplicationBuilder AddDashboardDefaults(this WebApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:Grpc"] = "Warning",
                ["Logging:LogLevel:System.Net.Http"] = "Warning",
            },
        });
        return builder;
    }
}
