using System.Diagnostics;
using System.Net;
using System.Text;

namespace AspireMicro.Dashboard.Tests.Infrastructure;

/// <summary>
/// The dashboard as a real child process on free loopback ports, configured exactly like the AppHost does
/// (docs/contracts.md). Disposing kills it if it is still running.
/// </summary>
public sealed class DashboardProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DashboardProcess(Process process, DashboardSettings settings, int uiPort, int grpcPort, int httpPort)
    {
        _process = process;
        Settings = settings;
        UiUrl = $"http://127.0.0.1:{uiPort}";
        GrpcUrl = $"http://127.0.0.1:{grpcPort}";
        HttpUrl = $"http://127.0.0.1:{httpPort}";
    }

    public DashboardSettings Settings { get; }

    public string UiUrl { get; }

    public string GrpcUrl { get; }

    public string HttpUrl { get; }

    public int Pid => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<DashboardProcess> StartAsync(DashboardSettings settings)
    {
        var (uiPort, grpcPort, httpPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var dll = RepositoryPaths.DashboardDll;
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{uiPort}";
        start.Environment["DOTNET_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{grpcPort}";
        start.Environment["DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["DASHBOARD__OTLP__PRIMARYAPIKEY"] = settings.ApiKey;
        start.Environment["DASHBOARD__FRONTEND__BROWSERTOKEN"] = settings.BrowserToken;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__AspireMicro"] = "Information";
        if (settings.StoragePath is not null)
        {
            start.Environment["DASHBOARD__STORAGE__PATH"] = settings.StoragePath;
        }

        if (settings.ResourceServiceUrl is not null)
        {
            start.Environment["DOTNET_RESOURCE_SERVICE_ENDPOINT_URL"] = settings.ResourceServiceUrl;
            start.Environment["DASHBOARD__RESOURCESERVICECLIENT__APIKEY"] = settings.ResourceServiceApiKey ?? "";
        }

        foreach (var (key, value) in settings.Extra)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var dashboard = new DashboardProcess(process, settings, uiPort, grpcPort, httpPort);
        process.OutputDataReceived += (_, e) => dashboard.Append(e.Data);
        process.ErrorDataReceived += (_, e) => dashboard.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await dashboard.WaitUntilReadyAsync();
        return dashboard;
    }

    /// <summary>A client that has logged in with the browser token (cookie kept in its container).</summary>
    public async Task<HttpClient> CreateLoggedInClientAsync()
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = new Uri(UiUrl) };
        using var response = await client.GetAsync($"/login?t={Settings.BrowserToken}");
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login failed: {response.StatusCode}");
        }

        return client;
    }

    /// <summary>SIGTERM and wait: the same shutdown path as Ctrl+C or the AppHost stopping the dashboard.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        NativeSignals.Terminate(_process.Id);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        // Generous: a cold start under a loaded 2-core CI machine has been seen to take far longer than the usual 1-2 s.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                // Exit can be seen before the last output lines are delivered: WaitForExitAsync also waits for the
                // redirected streams to reach their end, so the message below holds what the dashboard printed.
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"Dashboard exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync($"{UiUrl}/login");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow first request while the JIT warms up.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Dashboard did not become ready:\n{Output}");
    }
}
