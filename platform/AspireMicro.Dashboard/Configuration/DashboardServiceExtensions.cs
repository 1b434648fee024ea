using System.Security.Cryptography;
using AspireMicro.Dashboard.Frontend.Auth;
using AspireMicro.Dashboard.ResourceService;
using AspireMicro.Dashboard.Telemetry.Persistence;
using AspireMicro.Dashboard.Telemetry.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace AspireMicro.Dashboard.Configuration;

public static class DashboardServiceExtensions
{
    /// <summary>Binds and validates every options class at start-up; a bad setting stops the process with a clear message.</summary>
    public static WebApplicationBuilder AddDashboardOptions(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<OtlpOptions>().BindConfiguration(OtlpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ResourceServiceClientOptions>().BindConfiguration(ResourceServiceClientOptions.Section)
            .PostConfigure(o => o.Url ??= configuration["DOTNET_RESOURCE_SERVICE_ENDPOINT_URL"] ?? configuration["RESOURCE_SERVICE_ENDPOINT_URL"])
            .ValidateDataAnnotations().ValidateOnStart();

        // Standalone runs get a fresh random token, printed once the UI is listening.
        var generatedToken = string.IsNullOrEmpty(configuration[$"{FrontendOptions.Section}:BrowserToken"])
            ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))
            : null;
        builder.Services.AddSingleton(new GeneratedBrowserToken(generatedToken));
        builder.Services.AddOptions<FrontendOptions>().BindConfiguration(FrontendOptions.Section)
            .PostConfigure(o => o.BrowserToken = string.IsNullOrEmpty(o.BrowserToken) ? generatedToken ?? "" : o.BrowserToken)
            .ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    public static IServiceCollection AddTelemetryStorage(this IServiceCollection services)
    {
        services.AddSingleton<StorageFolder>();
        services.AddSingleton<TelemetryJournal>();
        services.AddSingleton<TelemetryStore>();
        services.AddHostedService<JournalWriterService>();
        return services;
    }

    public static IServiceCollection AddDashboardFrontend(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddBrowserAuth();
        // Keys live in memory: a dashboard restart simply asks for the token again, and nothing is written to $HOME.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddHttpClient<ResourceServiceClient>(c => c.Timeout = Timeout.InfiniteTimeSpan);
        return services;
    }
}
