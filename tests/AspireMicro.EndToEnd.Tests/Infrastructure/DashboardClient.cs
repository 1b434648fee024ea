using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>The dashboard's JSON API, logged in with the browser token like a user would be.</summary>
public sealed class DashboardClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;

    private DashboardClient(HttpClient http, string loginUrl)
    {
        _http = http;
        LoginUrl = loginUrl;
    }

    public string LoginUrl { get; }

    public Uri BaseAddress => _http.BaseAddress!;

    public static async Task<DashboardClient> LoginAsync(string loginUrl)
    {
        var uri = new Uri(loginUrl);
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var http = new HttpClient(handler) { BaseAddress = new Uri(uri.GetLeftPart(UriPartial.Authority)), Timeout = TimeSpan.FromSeconds(15) };
        using var response = await http.GetAsync(uri.PathAndQuery);
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Dashboard login answered {(int)response.StatusCode}.");
        }

        return new DashboardClient(http, loginUrl);
    }

    /// <summary>Spans of one trace, or an empty list while the trace has not arrived.</summary>
    public async Task<IReadOnlyList<DashboardSpan>> GetTraceSpansAsync(string traceId)
    {
        using var response = await _http.GetAsync($"/api/telemetry/traces/{traceId}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        response.EnsureSuccessStatusCode();
        var detail = await response.Content.ReadFromJsonAsync<DashboardTrace>(Json);
        return detail!.Spans;
    }

    public void Dispose() => _http.Dispose();
}

public sealed record DashboardTrace(string TraceId, IReadOnlyList<DashboardSpan> Spans);

public sealed record DashboardSpan(string TraceId, string SpanId, string? ParentSpanId, string Name, string Kind, string Service, string Status);
