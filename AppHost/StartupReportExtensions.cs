using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

internal static class StartupReportExtensions
{
    /// <summary>Logs when every resource is healthy, with the start-up time (<see cref="StartupReport"/>).</summary>
    public static IDistributedApplicationBuilder AddStartupReport(this IDistributedApplicationBuilder builder)
    {
        builder.Services.AddHostedService<StartupReport>();
        return builder;
    }
}
