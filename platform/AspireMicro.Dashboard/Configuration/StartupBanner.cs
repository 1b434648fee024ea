using Microsoft.Extensions.Options;

namespace AspireMicro.Dashboard.Configuration;

public static class StartupBanner
{
    /// <summary>Prints where everything listens and, in standalone mode, the login link with its token.</summary>
    public static void PrintStartupBanner(this WebApplication app, DashboardEndpoints endpoints)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AspireMicro.Dashboard");
            var frontend = endpoints.Frontend[0].ToString().TrimEnd('/');
            logger.LogInformation("Now listening on: {Url}", frontend);
            logger.LogInformation("OTLP/gRPC listening on: {Url}", endpoints.OtlpGrpc);
            logger.LogInformation("OTLP/HTTP listening on: {Url}", endpoints.OtlpHttp);
            var generated = app.Services.GetRequiredService<GeneratedBrowserToken>().Value;
            if (generated is not null)
            {
                logger.LogInformation("Login to the dashboard at {Url}/login?t={Token}", frontend, generated);
            }

            if (string.IsNullOrEmpty(app.Services.GetRequiredService<IOptions<OtlpOptions>>().Value.PrimaryApiKey))
            {
                logger.LogWarning("OTLP endpoints accept telemetry without an API key (DASHBOARD__OTLP__PRIMARYAPIKEY is not set)");
            }
        });
    }
}
