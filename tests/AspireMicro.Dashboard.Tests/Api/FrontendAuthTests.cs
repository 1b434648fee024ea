using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AspireMicro.Dashboard.Tests.Infrastructure;

namespace AspireMicro.Dashboard.Tests.Api;

/// <summary>The UI and its API need the browser-token cookie; OTLP ports serve nothing else.</summary>
public sealed class FrontendAuthTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [Theory]
    [InlineData("/api/telemetry/summary")]
    [InlineData("/api/telemetry/traces")]
    [InlineData("/api/resources/status")]
    public async Task Api_without_cookie_returns_401(string path)
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.Dashboard.UiUrl) };

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/traces")]
    [InlineData("/assets/app.js")]
    public async Task Page_without_cookie_redirects_to_login(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.Dashboard.UiUrl) };

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_with_wrong_token_returns_401_and_no_cookie()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.Dashboard.UiUrl) };

        using var response = await client.GetAsync("/login?t=not-the-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Login_with_token_sets_cookie_and_redirects_to_root()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(fixture.Dashboard.UiUrl) };

        using var response = await client.GetAsync($"/login?t={fixture.Dashboard.Settings.BrowserToken}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Ui_port_refuses_otlp_and_otlp_port_refuses_pages()
    {
        using var client = new HttpClient();

        using var otlpOnUi = await OtlpHttpSender.PostAsync(client, fixture.Dashboard.UiUrl + "/v1/logs", OtlpPayloads.Logs("wrong-port", "x"), fixture.Dashboard.Settings.ApiKey);
        using var pageOnOtlp = await client.GetAsync(fixture.Dashboard.HttpUrl + "/api/telemetry/summary");

        Assert.Equal(HttpStatusCode.NotFound, otlpOnUi.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pageOnOtlp.StatusCode);
    }

    [Theory]
    [InlineData("/api/telemetry/traces?take=0", "take")]
    [InlineData("/api/telemetry/traces?skip=abc", "skip")]
    [InlineData("/api/telemetry/traces?errorsOnly=maybe", "errorsOnly")]
    [InlineData("/api/telemetry/logs?level=Loud", "level")]
    [InlineData("/api/telemetry/logs?traceId=xyz", "traceId")]
    [InlineData("/api/telemetry/traces/not-a-trace-id", "traceId")]
    [InlineData("/api/telemetry/metrics/chart?service=a", "instrument")]
    [InlineData("/api/telemetry/metrics/chart?service=a&instrument=b&minutes=-1", "minutes")]
    public async Task Bad_query_returns_400_problem_naming_the_field(string path, string field)
    {
        using var response = await fixture.Api.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]![field]);
    }

    [Fact]
    public async Task Resources_api_in_standalone_mode_says_there_is_no_resource_service()
    {
        var status = await fixture.Api.GetAsync("/api/resources/status");
        using var list = await fixture.Api.Client.GetAsync("/api/resources");

        Assert.False((bool)status["configured"]!);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, list.StatusCode);
    }

    [Fact]
    public async Task Unknown_resource_command_returns_400_naming_command()
    {
        using var response = await fixture.Api.Client.PostAsync("/api/resources/catalog-0/commands/explode", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]!["command"]);
    }
}
