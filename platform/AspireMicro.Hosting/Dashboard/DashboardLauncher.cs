using System.Security.Cryptography;
using AspireMicro.Hosting.Networking;
using AspireMicro.Hosting.Orchestration;
using AspireMicro.Hosting.Processes;

namespace AspireMicro.Hosting.Dashboard;

/// <summary>Starts the dashboard (platform/AspireMicro.Dashboard) as a child process with the environment of docs/contracts.md.</summary>
internal sealed class DashboardLauncher(string dashboardDll, string storagePath)
{
    public string BrowserToken { get; } = NewSecret();

    public string OtlpApiKey { get; } = NewSecret();

    public string? UiUrl { get; private set; }

    public string? OtlpGrpcUrl { get; private set; }

    public string LoginUrl => $"{UiUrl}/login?t={BrowserToken}";

    /// <summary>Ports are chosen before the services start, because every service's OTEL variables point at them.</summary>
    public OtlpSettings AllocatePorts(PortAllocator ports)
    {
        UiUrl = $"http://127.0.0.1:{ports.Allocate()}";
        OtlpGrpcUrl = $"http://127.0.0.1:{ports.Allocate()}";
        _otlpHttpUrl = $"http://127.0.0.1:{ports.Allocate()}";
        return new OtlpSettings(OtlpGrpcUrl, OtlpApiKey);
    }

    private string? _otlpHttpUrl;

    public async Task<IChildProcess> StartAsync(
        ChildProcessHost host, string resourceServiceUrl, string resourceServiceApiKey, ResourceLoggerService logs, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(storagePath);
        var spec = new ProcessSpec("dotnet", [dashboardDll])
        {
            WorkingDirectory = Path.GetDirectoryName(dashboardDll),
            Environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = UiUrl!,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_DASHBOARD_OTLP_ENDPOINT_URL"] = OtlpGrpcUrl!,
                ["DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = _otlpHttpUrl!,
                ["DASHBOARD__OTLP__PRIMARYAPIKEY"] = OtlpApiKey,
                ["DASHBOARD__FRONTEND__BROWSERTOKEN"] = BrowserToken,
                ["DOTNET_RESOURCE_SERVICE_ENDPOINT_URL"] = resourceServiceUrl,
                ["DASHBOARD__RESOURCESERVICECLIENT__APIKEY"] = resourceServiceApiKey,
                ["DASHBOARD__STORAGE__PATH"] = storagePath,
            },
        };
        return await host.StartAsync(spec, line => logs.Append(
            "dashboard", line.Timestamp, line.Stream == LogStream.StdErr ? "stderr" : "stdout", line.Text), cancellationToken);
    }

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
