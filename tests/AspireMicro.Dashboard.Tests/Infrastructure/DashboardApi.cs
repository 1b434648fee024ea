using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AspireMicro.Dashboard.Tests.Infrastructure;

/// <summary>Reads the dashboard's JSON API with a logged-in client.</summary>
public sealed class DashboardApi(HttpClient client)
{
    public HttpClient Client => client;

    public async Task<JsonObject> SummaryAsync() => await GetAsync("/api/telemetry/summary");

    public async Task<int> SpanCountAsync() => (int)(await SummaryAsync())["spans"]!;

    public async Task<int> LogCountAsync() => (int)(await SummaryAsync())["logs"]!;

    /// <summary>The journal replays in the background after start-up; persisted data is complete once this returns.</summary>
    public async Task WaitUntilRestoredAsync() =>
        await Eventually.ReturnsAsync(SummaryAsync, s => !(bool)s["restoring"]!, "the journal replay to finish", TimeSpan.FromSeconds(120));

    public async Task<JsonObject> TracesAsync(string query = "") => await GetAsync("/api/telemetry/traces?take=500&" + query);

    public async Task<JsonObject> LogsAsync(string query = "") => await GetAsync("/api/telemetry/logs?take=500&" + query);

    public async Task<JsonArray> InstrumentsAsync(string service) =>
        (await client.GetFromJsonAsync<JsonArray>($"/api/telemetry/metrics/instruments?service={service}"))!;

    public async Task<JsonObject> GetAsync(string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static int Total(JsonObject page) => (int)page["total"]!;

    public static IEnumerable<JsonNode> Items(JsonObject page) => page["items"]!.AsArray().Select(i => i!);

    public static string Describe(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
