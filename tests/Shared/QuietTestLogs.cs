using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AspireMicro.Testing;

/// <summary>
/// Keeps the test output readable: without this, Aspire forwards every resource's console output (tens of thousands
/// of lines per suite) and every failed health check while a store boots or is stopped on purpose into it. The
/// resources' logs stay in Aspire's ResourceLoggerService, where tests that need them read them. Configuration
/// rules, because an AppHost's appsettings.json sets Default to Information and a configured rule wins over
/// SetMinimumLevel. Linked into each test project that starts Aspire resources.
/// </summary>
internal static class QuietTestLogs
{
    public static TBuilder WithQuietLogs<TBuilder>(this TBuilder builder)
        where TBuilder : IDistributedApplicationTestingBuilder
    {
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration[$"Logging:LogLevel:{builder.Environment.ApplicationName}.Resources"] = "None";
        builder.Configuration["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "None";
        return builder;
    }
}
