using System.Diagnostics;
using System.Net;
using AspireMicro.Bench.Infrastructure;

namespace AspireMicro.Bench.Dashboard;

/// <summary>The dashboard alone, configured as the AppHost configures it (docs/contracts.md), on free loopback ports.</summary>
public sealed class DashboardProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _storage;

    private DashboardProcess(Process process, string storage, int ui, int grpc, string apiKey, string browserToken)
    {
        _process = process;
        _storage = storage;
        ApiKey = apiKey;
        BrowserToken = browserToken;
        UiUrl = $"http://127.0.0.1:{ui}";
        GrpcUrl = $"http://127.0.0.1:{grpc}";
    }

    public string UiUrl { get; }

    public string GrpcUrl { get; }

    public string ApiKey { get; }

    public string BrowserToken { get; }

    public int Pid => _process.Id;

    public static async Task<DashboardProcess> StartAsync(string dll)
    {
        var (ui, grpc, http) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        // Persistence on, like under the AppHost, so the journal's cost is part of the figure.
        var storage = Directory.CreateTempSubdirectory("bench-dashboard-").FullName;
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        var (apiKey, token) = ("bench-" + Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ui}";
        start.Environment["DOTNET_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{grpc}";
        start.Environment["DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://127.0.0.1:{http}";
        start.Environment["DASHBOARD__OTLP__PRIMARYAPIKEY"] = apiKey;
        start.Environment["DASHBOARD__FRONTEND__BROWSERTOKEN"] = token;
        start.Environment["DASHBOARD__STORAGE__PATH"] = storage;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var dashboard = new DashboardProcess(process, storage, ui, grpc, apiKey, token);
        await dashboard.WaitReadyAsync();
        return dashboard;
    }

    public async Task<HttpClient> LoginAsync()
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = new Uri(UiUrl), Timeout = TimeSpan.FromSeconds(60) };
        using var _ = await client.GetAsync($"/login?t={BrowserToken}");
        return client;
    }

    private async Task WaitReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync($"{UiUrl}/login");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The dashboard did not answer /login.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signals.Send(_process.Id, "TERM");
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        Directory.Delete(_storage, recursive: true);
    }
}
